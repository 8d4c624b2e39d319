using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stride.Web.BrowserTests;

/// <summary>The red-flag banner first, typed markup shown as text, refused questions back on the home page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SafetyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_emergency_banner_is_the_first_thing_on_the_page()
    {
        await using var tab = await browser.OpenAsync(390, 844);
        var page = tab.Page;
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("my back hurts and since this morning I can't pee"));
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Emergency: call 999 (UK) or 911 (US) now, or go to A&E");
        await Expect(alert.GetByRole(AriaRole.Link, new() { Name = "Call 999 (UK)" })).ToHaveAttributeAsync("href", "tel:999");
        await Expect(alert).ToContainTextAsync("pee");
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('main').firstElementChild.getAttribute('role') === 'alert'"),
            "the banner comes before anything else in the main content");
        var box = await alert.BoundingBoxAsync();
        Assert.True(box!.Y < 844, "the banner is on the first screen of a phone");
        await Expect(page).ToHaveTitleAsync(new Regex("^Emergency: call 999 or 911 now"));
        tab.AssertQuiet();
    }

    [Fact]
    public async Task An_urgent_message_gets_the_see_a_doctor_today_banner_and_selfcare_the_compact_checklist()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("my back hurts and I have had a fever since yesterday"));
        var banner = page.Locator("section.triage");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).Not.ToHaveClassAsync(new Regex("triage-emergency"));

        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("is walking good for my back"));
        await Expect(page.Locator("section.triage")).ToHaveCountAsync(0);
        await Expect(page.Locator("aside.checklist-compact")).ToContainTextAsync("Call 999 (UK) or 911 (US) now if:");
        tab.AssertQuiet();
    }

    [Fact]
    public async Task A_message_not_in_English_says_it_could_not_be_read()
    {
        await using var tab = await browser.OpenAsync();
        await tab.Page.GotoAsync("/ask?q=" + Uri.EscapeDataString("me duele la espalda cuando camino mucho"));
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Stride could not read this message" })).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("section.triage-unread .checklist li").First).ToBeVisibleAsync();
        tab.AssertQuiet();
    }

    [Fact]
    public async Task A_script_typed_as_a_question_comes_back_as_text()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");
        const string typed = "<script>alert('boo')</script><img src=x onerror=alert(1)> back pain";
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Your question" });
        await box.FillAsync(typed);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/ask?q=", StringComparison.Ordinal));

        await Expect(page.Locator("h1 q")).ToHaveTextAsync(typed);
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await Expect(page).ToHaveTitleAsync(new Regex("^<script>"));
        await page.WaitForTimeoutAsync(200);
        Assert.Empty(tab.Dialogs);
        tab.AssertQuiet();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public async Task An_empty_question_brings_back_the_home_page_with_the_reason(string question, string words)
    {
        await using var tab = await browser.OpenAsync();
        var response = await tab.Page.GotoAsync("/ask?q=" + Uri.EscapeDataString(question));
        Assert.Equal(400, response!.Status);
        var error = tab.Page.Locator("#q-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync(words);
        await Expect(tab.Page.GetByRole(AriaRole.Combobox, new() { Name = "Your question" })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_over_long_question_brings_back_the_home_page_with_the_limit()
    {
        await using var tab = await browser.OpenAsync();
        var response = await tab.Page.GotoAsync("/ask?q=" + new string('a', 2001));
        Assert.Equal(400, response!.Status);
        await Expect(tab.Page.Locator("#q-error")).ToContainTextAsync("the limit is 2000");
    }
}
