using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stride.Web.BrowserTests;

/// <summary>Asking from the home page: autocomplete by keyboard, the answer with its source, related questions, entry pages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SearchAndAnswerTests(BrowserFixture browser)
{
    [Fact]
    public async Task Typing_a_question_and_picking_a_suggestion_with_the_keyboard_shows_the_answer_and_its_source()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Your question" });
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        // Typed key by key; the suggestions for the whole text arrive before the person chooses.
        await page.RunAndWaitForResponseAsync(
            () => box.PressSequentiallyAsync("why does walking", new() { Delay = 30 }),
            response => response.Url.Contains("/api/suggest?prefix=why%20does%20walking&", StringComparison.Ordinal));

        var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Suggested questions" });
        await Expect(listbox).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box).ToHaveAttributeAsync("aria-controls", "q-suggestions");
        var options = listbox.GetByRole(AriaRole.Option);
        Assert.True(await options.CountAsync() >= 1);

        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowUp");
        var first = options.First;
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        var chosen = (await first.TextContentAsync())!;

        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/ask?q=", StringComparison.Ordinal));
        await Expect(page.Locator("h1 q")).ToHaveTextAsync(chosen);

        var best = page.Locator("section.best");
        await Expect(best.Locator("#best-heading")).ToBeVisibleAsync();
        await Expect(best.Locator(".match")).ToHaveTextAsync(MatchWords());
        var source = best.Locator(".sources a").First;
        await Expect(source).ToBeVisibleAsync();
        Assert.StartsWith("https://", await source.GetAttributeAsync("href"), StringComparison.Ordinal);
        tab.AssertQuiet();
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_Enter_then_asks_what_was_typed()
    {
        await using var tab = await browser.OpenAsync(390, 844);
        var page = tab.Page;
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Your question" });
        await box.PressSequentiallyAsync("hip flexor", new() { Delay = 30 });
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();

        await box.PressAsync("Escape");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#q-suggestions")).ToBeHiddenAsync();

        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/ask?q=hip+flexor", StringComparison.Ordinal));
        await Expect(page.Locator("h1 q")).ToHaveTextAsync("hip flexor");
        tab.AssertQuiet();
    }

    [Fact]
    public async Task A_related_question_expands_in_place_and_leads_to_its_own_page()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("why does my lower back hurt when I walk"));
        var related = page.Locator("section.related");
        await Expect(related.GetByRole(AriaRole.Heading, new() { Name = "People also ask" })).ToBeVisibleAsync();
        Assert.True(await related.Locator("h3.topic").CountAsync() >= 1, "related questions are grouped by topic");

        var item = related.Locator("details").First;
        var question = (await item.Locator("summary .summary-text").TextContentAsync())!.Trim();
        var link = item.GetByRole(AriaRole.Link, new() { Name = "Open this answer on its own page" });
        await Expect(link).ToBeHiddenAsync();
        await item.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToHaveAttributeAsync("open", string.Empty);
        await Expect(link).ToBeVisibleAsync();
        await Expect(item.Locator(".details-body p").First).ToBeVisibleAsync();

        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/entries/", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(question);
        await Expect(page.Locator(".sources a").First).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(question)));
        tab.AssertQuiet();
    }

    [Fact]
    public async Task A_message_with_two_questions_shows_each_with_its_answer()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("I sit all day. Why does my back ache when I walk? Which stretch helps a tight hip flexor?"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You asked 2 questions" })).ToBeVisibleAsync();
        var cards = page.Locator("section.each article");
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(cards.Nth(1).Locator("h3")).ToContainTextAsync("Which stretch helps a tight hip flexor?");
        await Expect(cards.Nth(1).Locator(".sources a").First).ToBeVisibleAsync();
        tab.AssertQuiet();
    }

    [Fact]
    public async Task No_good_answer_is_said_kindly_with_the_topics_offered()
    {
        await using var tab = await browser.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("what is the capital of France"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stride does not have a good answer to that yet" })).ToBeVisibleAsync();
        var topics = page.Locator("section.topics details");
        Assert.True(await topics.CountAsync() >= 3);
        await topics.First.Locator("summary").ClickAsync();
        await Expect(topics.First.Locator("a").First).ToBeVisibleAsync();
        tab.AssertQuiet();
    }

    [Fact]
    public async Task An_entry_that_does_not_exist_is_a_404_page()
    {
        await using var tab = await browser.OpenAsync();
        var response = await tab.Page.GotoAsync("/entries/no-such-entry");
        Assert.Equal(404, response!.Status);
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Ask a question" }).Last).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Screenshots_of_the_home_and_answer_pages_at_phone_and_desktop_widths()
    {
        foreach (var width in new[] { 390, 1280 })
        {
            await using var tab = await browser.OpenAsync(width, width < 600 ? 844 : 900);
            var page = tab.Page;
            await page.GotoAsync("/");
            await Screenshots.SaveAsync(page, $"home-{width}");
            await page.GetByRole(AriaRole.Combobox).PressSequentiallyAsync("why does walk", new() { Delay = 20 });
            await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option).First.WaitForAsync();
            await page.GetByRole(AriaRole.Combobox).PressAsync("ArrowDown");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"home-suggestions-{width}.png") });

            await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("why does my lower back hurt when I walk"));
            await page.Locator("section.related details").First.Locator("summary").ClickAsync();
            await Screenshots.SaveAsync(page, $"answer-{width}");

            await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("my back hurts when I walk and my legs go numb"));
            await Screenshots.SaveAsync(page, $"emergency-{width}");

            await page.GotoAsync("/entries/causes-why-walking-hurts");
            await Screenshots.SaveAsync(page, $"entry-{width}");

            // Nothing is wider than the screen: no sideways scrolling on a phone.
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide at a {width} px viewport");
            tab.AssertQuiet();
        }

        Assert.True(File.Exists(Path.Combine(Screenshots.Folder, "home-390.png")));
        Assert.True(File.Exists(Path.Combine(Screenshots.Folder, "answer-1280.png")));
    }

    [GeneratedRegex("^(close|good|possible) match$")]
    private static partial Regex MatchWords();
}
