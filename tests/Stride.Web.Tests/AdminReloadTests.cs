using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Stride.Web.Tests;

/// <summary><c>POST /api/admin/reload</c>: the key, a failed reload that keeps serving, and reloads under load.</summary>
public sealed class AdminReloadTests
{
    private const string Key = "test-admin-key";

    private static Task<HttpResponseMessage> ReloadAsync(HttpClient client, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reload");
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return client.SendAsync(request, Http.Ct);
    }

    [Fact]
    public async Task Reload_is_disabled_without_a_configured_key()
    {
        await using var app = new StrideWebFactory();
        await app.InitializeAsync();
        using var client = app.CreateClient();
        using var response = await ReloadAsync(client, "anything");
        var problem = await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Stride:AdminKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_needs_the_right_key_and_then_swaps_in_a_new_snapshot()
    {
        await using var app = new StrideWebFactory(new Dictionary<string, string?> { ["Stride:AdminKey"] = Key });
        await app.InitializeAsync();
        using var client = app.CreateClient();
        using (var missing = await ReloadAsync(client, null))
        {
            await Http.ProblemAsync(missing, HttpStatusCode.Unauthorized);
        }

        using (var wrong = await ReloadAsync(client, "not-the-key"))
        {
            await Http.ProblemAsync(wrong, HttpStatusCode.Forbidden);
        }

        var before = await client.GetFromJsonAsync<JsonElement>("/readyz", Http.Ct);
        using var ok = await ReloadAsync(client, Key);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var reloaded = await ok.Content.ReadFromJsonAsync<JsonElement>(Http.Ct);
        Assert.Equal("Stride's own KB", reloaded.GetProperty("source").GetString());
        var after = await client.GetFromJsonAsync<JsonElement>("/readyz", Http.Ct);
        Assert.True(after.GetProperty("loadedAt").GetDateTimeOffset() > before.GetProperty("loadedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_failed_reload_keeps_serving_and_shows_on_readyz()
    {
        using var folder = new TempFolder();
        var kbFile = folder.File("kb.yaml", TestFiles.SmallKb);
        await using var app = new StrideWebFactory(new Dictionary<string, string?>
        {
            ["Stride:AdminKey"] = Key,
            ["Stride:KbPaths:0"] = kbFile,
        });
        await app.InitializeAsync();
        using var client = app.CreateClient();
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz", Http.Ct);
        Assert.Equal(2, ready.GetProperty("entries").GetInt32());

        File.WriteAllText(kbFile, TestFiles.BrokenKb);
        using (var failed = await ReloadAsync(client, Key))
        {
            var problem = await Http.ProblemAsync(failed, HttpStatusCode.InternalServerError);
            Assert.Contains("kb.yaml", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(problem.GetProperty("errors").GetArrayLength() > 0);
        }

        // Still serving the old knowledge base, still ready, and /readyz says why the reload failed.
        using var readyz = await client.GetAsync("/readyz", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        var state = await readyz.Content.ReadFromJsonAsync<JsonElement>(Http.Ct);
        Assert.Equal("ready", state.GetProperty("status").GetString());
        Assert.Equal(2, state.GetProperty("entries").GetInt32());
        Assert.Contains("kb.yaml", state.GetProperty("lastReloadError").GetString(), StringComparison.Ordinal);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/ask?q=" + Uri.EscapeDataString("why does walking make my lower back hurt"), Http.Ct);
        Assert.Equal("test-walking-hurts", page.GetProperty("answers")[0].GetProperty("id").GetString());
        using (var entry = await client.GetAsync("/api/entries/test-keep-walking", Http.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        }

        // Fixed file, good reload: the error is gone.
        File.WriteAllText(kbFile, TestFiles.SmallKb);
        using (var fixedReload = await ReloadAsync(client, Key))
        {
            Assert.Equal(HttpStatusCode.OK, fixedReload.StatusCode);
        }

        var healed = await client.GetFromJsonAsync<JsonElement>("/readyz", Http.Ct);
        Assert.False(healed.TryGetProperty("lastReloadError", out _));
    }

    [Fact]
    public async Task A_first_load_that_fails_is_not_ready_and_questions_get_503()
    {
        using var folder = new TempFolder();
        var kbFile = folder.File("kb.yaml", TestFiles.BrokenKb);
        await using var app = new StrideWebFactory(new Dictionary<string, string?> { ["Stride:KbPaths:0"] = kbFile });
        using var client = app.CreateClient();
        var state = await StrideWebFactory.WaitForReadinessAsync(client, r => r.StatusCode == HttpStatusCode.ServiceUnavailable
            && r.Content.ReadAsStringAsync().GetAwaiter().GetResult().Contains("failed", StringComparison.Ordinal));
        Assert.Equal("failed", state.GetProperty("status").GetString());
        Assert.Contains("kb.yaml", state.GetProperty("lastReloadError").GetString(), StringComparison.Ordinal);

        using var ask = await client.GetAsync("/api/ask?q=back%20pain", Http.Ct);
        await Http.ProblemAsync(ask, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(ask.Headers.RetryAfter);
        using var health = await client.GetAsync("/healthz", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Reloads_during_concurrent_requests_leave_every_answer_complete()
    {
        await using var app = new StrideWebFactory(new Dictionary<string, string?> { ["Stride:AdminKey"] = Key });
        await app.InitializeAsync();
        using var client = app.CreateClient();
        string[] questions =
        [
            "Why does my lower back hurt when I walk?", "is walking good for my back", "pins and needles in my leg after walking",
            "which stretch helps a tight hip flexor", "should I see a doctor about back pain",
        ];

        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var answered = 0;
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested || i < 5; i++)
            {
                var question = questions[(worker + i) % questions.Length];
                using var response = await client.GetAsync("/api/ask?q=" + Uri.EscapeDataString(question), Http.Ct);
                var body = await response.Content.ReadAsStringAsync(Http.Ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{response.StatusCode}: {body}");
                    continue;
                }

                var root = JsonDocument.Parse(body).RootElement;
                var answers = root.GetProperty("answers");
                if (root.GetProperty("query").GetString() != question || answers.GetArrayLength() == 0
                    || answers.EnumerateArray().Any(a => string.IsNullOrEmpty(a.GetProperty("answer").GetString()) || a.GetProperty("sources").GetArrayLength() == 0)
                    || string.IsNullOrEmpty(root.GetProperty("triage").GetProperty("level").GetString()))
                {
                    failures.Enqueue($"incomplete: {body}");
                }

                Interlocked.Increment(ref answered);
            }
        }, Http.Ct)).ToList();

        for (var reload = 0; reload < 3; reload++)
        {
            using var response = await ReloadAsync(client, Key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.Empty(failures);
        Assert.True(answered >= 20, $"{answered} answers");
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz", Http.Ct);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }
}
