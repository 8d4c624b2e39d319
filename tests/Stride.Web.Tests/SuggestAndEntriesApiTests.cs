using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Stride.Web.Tests;

/// <summary><c>/api/suggest</c> (autocomplete) and <c>/api/entries/{id}</c>.</summary>
[Collection(SharedApp.Name)]
public sealed class SuggestAndEntriesApiTests(SharedStrideApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonElement> SuggestAsync(string prefix, int? limit = null) =>
        await _client.GetFromJsonAsync<JsonElement>(
            $"/api/suggest?prefix={Uri.EscapeDataString(prefix)}" + (limit is null ? string.Empty : $"&limit={limit}"), Http.Ct);

    private static List<string> Ids(JsonElement root) =>
        [.. root.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Suggest_completes_the_word_being_typed()
    {
        var root = await SuggestAsync("should i keep wal");
        Assert.Equal("should i keep wal", root.GetProperty("prefix").GetString());
        var first = root.GetProperty("suggestions")[0];
        Assert.Equal("self-care-keep-walking", first.GetProperty("id").GetString());
        Assert.StartsWith("Should I keep walking", first.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_tolerates_typos()
    {
        Assert.Contains("causes-spinal-stenosis", Ids(await SuggestAsync("spinal stenossis")));
        Assert.Contains("causes-why-walking-hurts", Ids(await SuggestAsync("why does walkng make my bak h")));
    }

    [Fact]
    public async Task Suggest_matches_alternates_and_gives_one_suggestion_per_entry()
    {
        var root = await SuggestAsync("leaning on a shopping trol");
        Assert.Contains("causes-spinal-stenosis", Ids(root));
        Assert.Equal(Ids(root).Count, Ids(root).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Suggest_honours_the_limit_and_finds_nothing_for_nonsense()
    {
        Assert.InRange(Ids(await SuggestAsync("back", 2)).Count, 1, 2);
        Assert.Empty(Ids(await SuggestAsync("qzxv wplk")));
    }

    [Fact]
    public async Task Suggest_is_fast_enough_per_keystroke()
    {
        const string typed = "why does my lower back hurt when i walk";
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= typed.Length; i++)
        {
            using var response = await _client.GetAsync("/api/suggest?prefix=" + Uri.EscapeDataString(typed[..i]), Http.Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Each keystroke through the whole pipeline, in memory, on a shared 2-core machine: generous bound.
        Assert.True(clock.ElapsedMilliseconds / typed.Length < 100, $"{clock.ElapsedMilliseconds} ms for {typed.Length} keystrokes");
    }

    [Fact]
    public async Task Entry_has_its_sources_and_related_entries()
    {
        using var response = await _client.GetAsync("/api/entries/causes-why-walking-hurts", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(Http.Ct);
        Assert.Equal("causes-why-walking-hurts", root.GetProperty("id").GetString());
        Assert.Equal("Why does walking make my lower back hurt?", root.GetProperty("question").GetString());
        Assert.Equal("causes", root.GetProperty("topic").GetString());
        Assert.True(root.GetProperty("alternates").GetArrayLength() > 0);
        Assert.Contains("Back pain on walks is common", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://", root.GetProperty("sources")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        var related = root.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("causes-spinal-stenosis", related);
        Assert.All(root.GetProperty("related").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("question").GetString())));
    }

    [Fact]
    public async Task Every_answer_and_related_id_opens_an_entry()
    {
        var page = await _client.GetFromJsonAsync<JsonElement>("/api/ask?q=" + Uri.EscapeDataString("why does my back hurt when I walk"), Http.Ct);
        var ids = page.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("id").GetString())
            .Concat(page.GetProperty("related").EnumerateArray().SelectMany(g => g.GetProperty("questions").EnumerateArray()).Select(q => q.GetProperty("id").GetString()));
        foreach (var id in ids)
        {
            using var response = await _client.GetAsync($"/api/entries/{Uri.EscapeDataString(id!)}", Http.Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
