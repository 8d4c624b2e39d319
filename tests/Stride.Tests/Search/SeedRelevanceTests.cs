using Stride.Search;

namespace Stride.Tests.Search;

/// <summary>
/// The quality bar on the seed page: our own consumer queries (Data/seed-queries.tsv) against the imported page,
/// measured for Stride's engine and for a plain BM25 baseline in the same run.
/// </summary>
public sealed class SeedRelevanceTests(SeedEngineFixture seed, ITestOutputHelper output) : IClassFixture<SeedEngineFixture>
{
    private static IReadOnlyList<JudgedQuery> Queries()
    {
        using var reader = File.OpenText(TestPaths.DataFile("seed-queries.tsv"));
        return RelevanceFigures.ReadTsv(reader);
    }

    private IReadOnlyList<string> RankQuestions(string query) =>
        [.. seed.Engine.Ask(query, top: 10).Answers.Select(a => a.Entry.Question)];

    [Fact]
    public void Query_set_is_large_enough_and_names_real_headings()
    {
        var queries = Queries();
        Assert.True(queries.Count >= 40, $"only {queries.Count} queries");
        var headings = seed.KnowledgeBase.Entries.Select(e => e.Question).ToHashSet(StringComparer.Ordinal);
        var unknown = queries.SelectMany(q => q.Relevant).Where(h => !headings.Contains(h)).ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Engine_reaches_the_quality_bar_and_beats_plain_bm25()
    {
        var queries = Queries();
        var engine = RelevanceFigures.Measure(queries, RankQuestions);
        using var baseline = new PlainBm25Baseline(seed.KnowledgeBase);
        var bm25 = RelevanceFigures.Measure(queries, q => [.. baseline.Search(q, 10).Select(e => e.Question)]);
        output.WriteLine($"Stride engine: {engine}");
        output.WriteLine($"Plain BM25:    {bm25}");

        Assert.True(engine.SuccessAt3 >= 0.95, $"success@3 {engine.SuccessAt3:F3} < 0.95");
        Assert.True(engine.Mrr >= 0.85, $"MRR {engine.Mrr:F3} < 0.85");
        Assert.True(engine.Mrr > bm25.Mrr, $"engine MRR {engine.Mrr:F3} does not beat BM25 {bm25.Mrr:F3}");
        Assert.True(engine.SuccessAt3 >= bm25.SuccessAt3, $"engine success@3 {engine.SuccessAt3:F3} below BM25 {bm25.SuccessAt3:F3}");
    }

    [Fact]
    public void Junk_entries_never_come_first()
    {
        var probes = Queries().Select(q => q.Query).Concat(
        [
            "covid vaccine appointment",
            "can your physical therapy team help me with my back",
            "best exercises to strengthen lower back youtube video",
            "UW medicine back pain care",
        ]);
        foreach (var probe in probes)
        {
            var page = seed.Engine.Ask(probe);
            Assert.All(page.Answers, a => Assert.False(a.Entry.IsJunk, $"'{probe}' -> junk entry '{a.Entry.Question}'"));
        }
    }
}
