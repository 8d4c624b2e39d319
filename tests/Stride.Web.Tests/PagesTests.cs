using System.Net;
using System.Text.RegularExpressions;

namespace Stride.Web.Tests;

/// <summary>The HTML pages without a browser: status codes, escaping, the security headers and the order of the page.</summary>
[Collection(SharedApp.Name)]
public sealed partial class PagesTests(SharedStrideApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/ask?q=why+does+my+back+hurt+when+I+walk")]
    [InlineData("/entries/causes-why-walking-hurts")]
    [InlineData("/topics")]
    public async Task Pages_are_html_in_english_with_a_strict_content_security_policy_and_no_inline_code(string url)
    {
        using var response = await _client.GetAsync(url, Http.Ct);
        var html = await response.Content.ReadAsStringAsync(Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        // Every script is a file from this site, no style attribute or element, no event-handler attribute.
        Assert.All(ScriptTag().Matches(html), m => Assert.Matches("src=\"/js/[a-z]+\\.js\\?v=", m.Value));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(" on[a-z]+=", html);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
        foreach (var landmark in new[] { "<header", "<nav", "<main", "<footer", "<title>" })
        {
            Assert.Contains(landmark, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_stylesheet_and_script_are_served_from_the_assembly()
    {
        using var css = await _client.GetAsync("/css/site.css?v=1", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var js = await _client.GetAsync("/js/suggest.js", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Contains("aria-activedescendant", await js.Content.ReadAsStringAsync(Http.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_markup_comes_back_escaped()
    {
        const string question = "<script>alert(1)</script><img src=x onerror=alert(2)> back pain";
        var html = await _client.GetStringAsync("/ask?q=" + Uri.EscapeDataString(question), Http.Ct);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ask?q=", "empty")]
    [InlineData("/ask", "empty")]
    [InlineData("/ask?q=%20%20", "empty")]
    public async Task A_refused_question_is_the_home_page_with_the_reason_and_400(string url, string words)
    {
        using var response = await _client.GetAsync(url, Http.Ct);
        var html = await response.Content.ReadAsStringAsync(Http.Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"q-error\"", html, StringComparison.Ordinal);
        Assert.Contains(words, html, StringComparison.Ordinal);
        Assert.Contains("Try one of these", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_question_is_the_home_page_with_the_limit()
    {
        using var response = await _client.GetAsync("/ask?q=" + new string('b', 2001), Http.Ct);
        var html = await response.Content.ReadAsStringAsync(Http.Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the limit is 2000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emergency_banner_comes_before_the_answer()
    {
        var html = await _client.GetStringAsync("/ask?q=" + Uri.EscapeDataString("my back hurts and since this morning I can't pee"), Http.Ct);
        var alert = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(alert > 0);
        Assert.Contains("Emergency: call 999 (UK) or 911 (US) now, or go to A&amp;E", html, StringComparison.Ordinal);
        Assert.True(alert < html.IndexOf("<h1", StringComparison.Ordinal));
        Assert.True(alert < html.IndexOf("Best answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confidence_is_shown_in_words()
    {
        var html = await _client.GetStringAsync("/ask?q=why+does+my+lower+back+hurt+when+I+walk", Http.Ct);
        Assert.Matches("class=\"match [a-z-]+\"[^>]*>(close|likely|possible) match<", html);
        Assert.DoesNotMatch("confidence 0\\.", html);
    }

    [Fact]
    public async Task An_unknown_entry_is_a_404_page()
    {
        using var response = await _client.GetAsync("/entries/no-such-entry", Http.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Http.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nowhere", "text/html")]
    [InlineData("/entries/a/b", "text/html,application/xhtml+xml,*/*;q=0.8")]
    public async Task A_browser_asking_for_a_page_that_does_not_exist_gets_an_html_404(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _client.SendAsync(request, Http.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Http.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_stays_a_problem_even_for_a_browser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nowhere");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await _client.SendAsync(request, Http.Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_source_address_that_is_not_a_web_address_is_never_a_link()
    {
        Assert.Null(Pages.PageText.SafeUrl("javascript:alert(1)"));
        Assert.Null(Pages.PageText.SafeUrl("data:text/html,hi"));
        Assert.Null(Pages.PageText.SafeUrl(""));
        Assert.Equal("https://www.nhs.uk/conditions/back-pain/", Pages.PageText.SafeUrl("https://www.nhs.uk/conditions/back-pain/"));
        await Task.CompletedTask;
    }

    [Fact]
    public void Answer_text_splits_into_paragraphs_and_lists()
    {
        var blocks = Pages.PageText.Blocks("First line\ncontinues.\n\n- one\n- two\n\nLast.");
        Assert.Equal(3, blocks.Count);
        Assert.Equal("First line continues.", blocks[0].Paragraph);
        Assert.Equal(["one", "two"], blocks[1].Items!);
        Assert.Equal("Last.", blocks[2].Paragraph);
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
