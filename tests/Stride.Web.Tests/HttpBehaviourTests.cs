using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Stride.Web.Tests;

/// <summary>Caching validators, compression, health checks, OpenAPI, and what the logs may hold.</summary>
[Collection(SharedApp.Name)]
public sealed class HttpBehaviourTests(SharedStrideApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("/api/ask?q=is%20walking%20good%20for%20my%20back")]
    [InlineData("/api/triage?q=my%20back%20hurts")]
    [InlineData("/api/suggest?prefix=walk")]
    [InlineData("/api/entries/causes-why-walking-hurts")]
    public async Task Get_answers_carry_an_etag_and_304_on_if_none_match(string url)
    {
        using var first = await _client.GetAsync(url, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.Private);
        Assert.True(first.Headers.CacheControl?.MaxAge > TimeSpan.Zero);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _client.SendAsync(again, Http.Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Http.Ct));
        Assert.Equal(etag, notModified.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        using var changed = await _client.SendAsync(other, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Different_questions_have_different_etags()
    {
        using var a = await _client.GetAsync("/api/ask?q=walking", Http.Ct);
        using var b = await _client.GetAsync("/api/ask?q=sciatica", Http.Ct);
        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Responses_are_compressed_when_asked(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ask?q=why%20does%20my%20back%20hurt%20when%20I%20walk");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await _client.SendAsync(request, Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        await using var compressed = await response.Content.ReadAsStreamAsync(Http.Ct);
        await using Stream plain = encoding == "gzip" ? new GZipStream(compressed, CompressionMode.Decompress) : new BrotliStream(compressed, CompressionMode.Decompress);
        using var doc = await JsonDocument.ParseAsync(plain, cancellationToken: Http.Ct);
        Assert.True(doc.RootElement.GetProperty("answers").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Healthz_says_alive()
    {
        using var response = await _client.GetAsync("/healthz", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", JsonDocument.Parse(await response.Content.ReadAsStringAsync(Http.Ct)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_says_ready_with_the_source()
    {
        using var response = await _client.GetAsync("/readyz", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Http.Ct)).RootElement;
        Assert.Equal("ready", root.GetProperty("status").GetString());
        Assert.Equal("Stride's own KB", root.GetProperty("source").GetString());
        Assert.True(root.GetProperty("entries").GetInt32() > 50);
        Assert.False(root.TryGetProperty("lastReloadError", out _));
    }

    [Fact]
    public async Task OpenApi_documents_every_endpoint_with_summary_description_example_and_responses()
    {
        using var response = await _client.GetAsync("/openapi/v1.json", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Http.Ct)).RootElement.GetProperty("paths");
        var expected = new[]
        {
            ("/api/ask", "get"), ("/api/ask", "post"), ("/api/triage", "get"), ("/api/suggest", "get"),
            ("/api/entries/{id}", "get"), ("/api/admin/reload", "post"), ("/healthz", "get"), ("/readyz", "get"),
        };
        foreach (var (path, method) in expected)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            var where = $"{method} {path}";
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()), where);
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("description").GetString()), where);
            var ok = operation.GetProperty("responses").GetProperty("200");
            Assert.True(ok.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), where);
            Assert.True(ok.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), where);
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                Assert.True(parameter.TryGetProperty("example", out _), $"{where} {parameter.GetProperty("name")}");
            }
        }

        var ask = paths.GetProperty("/api/ask").GetProperty("get").GetProperty("responses");
        foreach (var status in new[] { "304", "400", "429", "503" })
        {
            Assert.True(ask.TryGetProperty(status, out _), status);
        }

        var post = paths.GetProperty("/api/ask").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("415", out _));
    }

    [Fact]
    public async Task Scalar_reference_is_served_in_development()
    {
        using var response = await _client.GetAsync("/scalar/v1", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task One_information_line_per_request_without_the_question()
    {
        const string secret = "zebracorn-haemorrhoid-7731";
        var question = $"my back hurts when I walk and I have {secret}";
        using (await _client.GetAsync("/api/ask?q=" + Uri.EscapeDataString(question), Http.Ct))
        {
        }

        using (await _client.GetAsync("/api/triage?q=" + Uri.EscapeDataString(question), Http.Ct))
        {
        }

        using (await _client.GetAsync("/api/suggest?prefix=" + Uri.EscapeDataString(secret), Http.Ct))
        {
        }

        using (await _client.GetAsync("/api/" + Uri.EscapeDataString(secret), Http.Ct))
        {
        }

        // The request line is written after the response; give it a moment.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!app.Logs.Lines.Any(l => l.Category.EndsWith("RequestLogMiddleware", StringComparison.Ordinal)
            && l.Message.Contains("(no route) 404", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Http.Ct);
        }

        var lines = app.Logs.Lines;
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Information && l.Message.Contains(secret, StringComparison.OrdinalIgnoreCase));
        var requestLines = lines.Where(l => l.Category.EndsWith("RequestLogMiddleware", StringComparison.Ordinal) && l.Level == LogLevel.Information).ToList();
        Assert.Contains(requestLines, l => l.Message.StartsWith("GET /api/ask 200 triage=selfcare answers=", StringComparison.Ordinal)
            && l.Message.Contains(" ms ", StringComparison.Ordinal) && l.Message.Contains("ElapsedMs=", StringComparison.Ordinal));
        Assert.Contains(requestLines, l => l.Message.StartsWith("GET /api/triage 200 triage=", StringComparison.Ordinal));
        Assert.Contains(requestLines, l => l.Message.StartsWith("GET /api/suggest 200", StringComparison.Ordinal));
    }
}
