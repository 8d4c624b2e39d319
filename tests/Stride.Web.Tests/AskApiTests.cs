using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stride.Cli;

namespace Stride.Web.Tests;

/// <summary><c>/api/ask</c> (GET and POST) and <c>/api/triage</c>: the contract of <c>stride ask --json</c>.</summary>
[Collection(SharedApp.Name)]
public sealed class AskApiTests(SharedStrideApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private static string Url(string question, int? top = null) =>
        $"/api/ask?q={Uri.EscapeDataString(question)}" + (top is null ? string.Empty : $"&top={top}");

    [Fact]
    public async Task Get_answers_with_the_ask_json_contract()
    {
        using var response = await _client.GetAsync(Url("is walking good for my back", 2), Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(Http.Ct);
        Assert.Equal("is walking good for my back", root.GetProperty("query").GetString());
        Assert.False(root.GetProperty("noGoodAnswer").GetBoolean());
        Assert.Equal("selfcare", root.GetProperty("triage").GetProperty("level").GetString());
        var answers = root.GetProperty("answers");
        Assert.InRange(answers.GetArrayLength(), 1, 2);
        Assert.StartsWith("https://", answers[0].GetProperty("sources")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("related").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("Why does my lower back hurt when I walk?")]
    [InlineData("I sit all day. Why does my back ache when I walk? Which stretch helps a tight hip flexor?")]
    [InlineData("my back hurts and since this morning I can't pee")]
    [InlineData("<script>alert('x')</script> douleur au dos quand je marche — ça fait mal?")]
    public async Task Get_is_byte_for_byte_what_stride_ask_json_prints(string question)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(["ask", question, "--json"], new StringReader(string.Empty), output, error);
        Assert.True(exit == 0, error.ToString());

        using var response = await _client.GetAsync(Url(question), Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync(Http.Ct);
        Assert.Equal(Encoding.UTF8.GetBytes(output.ToString().TrimEnd('\n', '\r')), body);
    }

    [Fact]
    public async Task Post_gives_the_same_bytes_as_get()
    {
        const string question = "pins and needles in my leg after walking";
        using var get = await _client.GetAsync(Url(question, 2), Http.Ct);
        using var post = await _client.PostAsJsonAsync("/api/ask", new { question, top = 2 }, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(await get.Content.ReadAsStringAsync(Http.Ct), await post.Content.ReadAsStringAsync(Http.Ct));
        Assert.Null(post.Headers.ETag);
    }

    [Fact]
    public async Task A_script_tag_comes_back_as_json_data_unaltered()
    {
        const string question = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)> back pain walking";
        using var response = await _client.GetAsync(Url(question), Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(Http.Ct);
        Assert.Equal(question, root.GetProperty("query").GetString());

        // The same through POST, and in a problem body (an unknown entry id is echoed as data, not markup).
        using var post = await _client.PostAsJsonAsync("/api/ask", new { question }, Http.Ct);
        Assert.Equal(question, (await post.Content.ReadFromJsonAsync<JsonElement>(Http.Ct)).GetProperty("query").GetString());
        const string id = "<img src=x onerror=alert(1)>";
        using var entry = await _client.GetAsync("/api/entries/" + Uri.EscapeDataString(id), Http.Ct);
        var problem = await Http.ProblemAsync(entry, HttpStatusCode.NotFound);
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_defaults_to_three_and_is_honoured()
    {
        var three = await _client.GetFromJsonAsync<JsonElement>(Url("exercises for lower back pain"), Http.Ct);
        Assert.InRange(three.GetProperty("answers").GetArrayLength(), 1, 3);
        var one = await _client.GetFromJsonAsync<JsonElement>(Url("exercises for lower back pain", 1), Http.Ct);
        Assert.Equal(1, one.GetProperty("answers").GetArrayLength());
    }

    [Fact]
    public async Task Triage_returns_the_triage_object()
    {
        using var response = await _client.GetAsync("/api/triage?q=" + Uri.EscapeDataString("my back hurts and since this morning I can't pee"), Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(Http.Ct);
        Assert.Equal("emergency", root.GetProperty("level").GetString());
        Assert.True(root.GetProperty("reasons").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("advice").GetString()));
        Assert.False(root.TryGetProperty("emergencyChecklist", out _));

        var calm = await _client.GetFromJsonAsync<JsonElement>("/api/triage?q=" + Uri.EscapeDataString("my back is a bit stiff after gardening"), Http.Ct);
        Assert.True(calm.GetProperty("emergencyChecklist").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Triage_is_the_same_object_as_stride_triage_json()
    {
        const string text = "my dad is 78, he slipped on the ice and can't get up";
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["triage", text, "--json"], new StringReader(string.Empty), output, new StringWriter());
        Assert.Equal(0, exit);
        var body = await _client.GetStringAsync("/api/triage?q=" + Uri.EscapeDataString(text), Http.Ct);
        Assert.Equal(output.ToString().TrimEnd('\n', '\r'), body);
    }
}
