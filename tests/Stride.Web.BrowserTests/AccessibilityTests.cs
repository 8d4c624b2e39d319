using Deque.AxeCore.Playwright;

namespace Stride.Web.BrowserTests;

/// <summary>axe-core finds no serious or critical problem on the home, answer, entry and emergency pages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", 1280)]
    [InlineData("/", 390)]
    [InlineData("/ask?q=why+does+my+lower+back+hurt+when+I+walk", 1280)]
    [InlineData("/ask?q=why+does+my+lower+back+hurt+when+I+walk", 390)]
    [InlineData("/entries/causes-why-walking-hurts", 1280)]
    [InlineData("/ask?q=my+back+hurts+and+since+this+morning+I+can%27t+pee", 390)]
    [InlineData("/ask?q=my+back+hurts+and+I+have+had+a+fever+since+yesterday", 1280)]
    [InlineData("/ask?q=what+is+the+capital+of+France", 1280)]
    [InlineData("/ask?q=", 1280)]
    [InlineData("/topics", 1280)]
    [InlineData("/no-such-page", 390)]
    public async Task No_serious_or_critical_axe_violations(string url, int width)
    {
        await using var tab = await browser.OpenAsync(width, 900);
        var page = tab.Page;
        await page.GotoAsync(url);
        // Open the first expandable item too, so its content is checked as well.
        var details = page.Locator("details summary");
        if (await details.CountAsync() > 0)
        {
            await details.First.ClickAsync();
        }

        var results = await page.RunAxe();
        var bad = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
    }
}
