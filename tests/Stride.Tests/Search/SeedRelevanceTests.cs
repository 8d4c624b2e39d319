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

    private static IReadOnlyList<string> Rank(AnswerEngine engine, string query) =>
        [.. engine.Ask(query, top: 10).Answers.Select(a => a.Entry.Question)];

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
    public void Ranking_reaches_the_quality_bar_and_beats_plain_bm25()
    {
        // Ranking quality on its own: the no-answer threshold is off, so every query gets its ranked list.
        var queries = Queries();
        var ranking = Engines.Create(seed.KnowledgeBase, new SearchOptions { NoAnswerThreshold = 0, RelatedThreshold = 0 });
        var engine = RelevanceFigures.Measure(queries, q => Rank(ranking, q));
        using var baseline = new PlainBm25Baseline(seed.KnowledgeBase);
        var bm25 = RelevanceFigures.Measure(queries, q => [.. baseline.Search(q, 10).Select(e => e.Question)]);
        output.WriteLine($"Stride ranking: {engine}");
        output.WriteLine($"Plain BM25:     {bm25}");

        Assert.True(engine.SuccessAt3 >= 0.95, $"success@3 {engine.SuccessAt3:F3} < 0.95");
        Assert.True(engine.Mrr >= 0.85, $"MRR {engine.Mrr:F3} < 0.85");
        Assert.True(engine.Mrr > bm25.Mrr + 0.05, $"engine MRR {engine.Mrr:F3} does not clearly beat BM25 {bm25.Mrr:F3}");
        Assert.True(engine.SuccessAt3 >= bm25.SuccessAt3, $"engine success@3 {engine.SuccessAt3:F3} below BM25 {bm25.SuccessAt3:F3}");
    }

    [Fact]
    public void With_the_default_threshold_nearly_every_question_is_answered_well()
    {
        // End to end, as 'stride ask' shows it: a question declined as "no good answer" counts as a miss.
        var queries = Queries();
        var figures = RelevanceFigures.Measure(queries, q => Rank(seed.Engine, q));
        var answered = queries.Count(q => !seed.Engine.Ask(q.Query).NoGoodAnswer);
        output.WriteLine($"Stride ask (default threshold): {figures}; answered {answered}/{queries.Count}");
        Assert.True(answered >= queries.Count * 0.9, $"only {answered}/{queries.Count} answered");
        Assert.True(figures.SuccessAt3 >= 0.9, $"success@3 {figures.SuccessAt3:F3} < 0.9");
        Assert.True(figures.Mrr >= 0.85, $"MRR {figures.Mrr:F3} < 0.85");
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
