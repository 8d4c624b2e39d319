using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Stride.Web.Tests;

/// <summary>Every error is an RFC 9457 problem: bad input names its field, unknown routes, sizes, content types.</summary>
[Collection(SharedApp.Name)]
public sealed class ErrorTests(SharedStrideApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("/api/ask", "q")]
    [InlineData("/api/ask?q=", "q")]
    [InlineData("/api/ask?q=%20%20", "q")]
    [InlineData("/api/triage", "q")]
    [InlineData("/api/suggest", "prefix")]
    [InlineData("/api/suggest?prefix=", "prefix")]
    [InlineData("/api/ask?q=back&top=0", "top")]
    [InlineData("/api/ask?q=back&top=21", "top")]
    [InlineData("/api/ask?q=back&top=-3", "top")]
    [InlineData("/api/suggest?prefix=back&limit=0", "limit")]
    [InlineData("/api/suggest?prefix=back&limit=500", "limit")]
    public async Task Bad_input_is_400_naming_the_field(string url, string field)
    {
        using var response = await _client.GetAsync(url, Http.Ct);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrEmpty(messages[0].GetString()));
    }

    [Fact]
    public async Task A_question_over_2000_characters_is_400_and_2000_is_fine()
    {
        var longest = "why does my back hurt " + new string('a', 2000 - 22);
        Assert.Equal(2000, longest.Length);
        using var ok = await _client.PostAsJsonAsync("/api/ask", new { question = longest }, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var tooLong = await _client.GetAsync("/api/ask?q=" + new string('a', 2001), Http.Ct);
        var problem = await Http.ProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Contains("2000", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);

        using var post = await _client.PostAsJsonAsync("/api/ask", new { question = longest + "b" }, Http.Ct);
        var postProblem = await Http.ProblemAsync(post, HttpStatusCode.BadRequest);
        Assert.True(postProblem.GetProperty("errors").TryGetProperty("question", out _));
    }

    [Fact]
    public async Task Post_with_an_empty_question_or_a_bad_top_is_400()
    {
        using var empty = await _client.PostAsJsonAsync("/api/ask", new { question = "" }, Http.Ct);
        Assert.True((await Http.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("question", out _));
        using var missing = await _client.PostAsJsonAsync("/api/ask", new { top = 2 }, Http.Ct);
        Assert.True((await Http.ProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("question", out _));
        using var badTop = await _client.PostAsJsonAsync("/api/ask", new { question = "back pain", top = 0 }, Http.Ct);
        Assert.True((await Http.ProblemAsync(badTop, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("top", out _));
    }

    [Theory]
    [InlineData("/api/ask?q=back&top=abc", "top")]
    [InlineData("/api/ask?q=back&top=2.5", "top")]
    [InlineData("/api/ask?q=back&top=99999999999", "top")]
    [InlineData("/api/suggest?prefix=back&limit=lots", "limit")]
    public async Task A_top_or_limit_that_is_not_a_number_is_400_naming_it(string url, string field)
    {
        using var response = await _client.GetAsync(url, Http.Ct);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("{\"question\": ")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{\"question\": \"back pain\", \"top\": \"many\"}")]
    public async Task A_body_that_is_not_an_ask_request_is_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/ask", content, Http.Ct);
        await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/nowhere")]
    [InlineData("/api/nowhere")]
    [InlineData("/api/ask/extra/segments")]
    public async Task An_unknown_route_is_a_404_problem(string url)
    {
        using var response = await _client.GetAsync(url, Http.Ct);
        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var huge = "{\"question\": \"" + new string('a', 20_000) + "\"}";
        using var content = new StringContent(huge, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/ask", content, Http.Ct);
        await Http.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_is_415(string mediaType)
    {
        using var content = new StringContent("question=back pain", Encoding.UTF8, mediaType);
        using var response = await _client.PostAsync("/api/ask", content, Http.Ct);
        await Http.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_entry_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/api/entries/no-such-entry", Http.Ct);
        var problem = await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-entry", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        using var response = await _client.DeleteAsync("/api/ask", Http.Ct);
        await Http.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}
