using Stride.Evaluation;
using Stride.Search;

namespace Stride.Tests.Search;

/// <summary>
/// The quality bar on the seed page: our own consumer queries (Data/seed-queries.tsv) against the imported page,
/// measured for Stride's engine and for a plain BM25 baseline in the same run.
/// </summary>
[Trait("Data", "shared")]
public sealed class SeedRelevanceTests(SeedEngineFixture seed, ITestOutputHelper output) : IClassFixture<SeedEngineFixture>
{
    private static IReadOnlyList<JudgedQuery> Queries() => Set().Queries;

    private static JudgedQuerySet Set()
    {
        using var reader = File.OpenText(TestPaths.DataFile("seed-queries.tsv"));
        return JudgedQuerySet.ReadTsv(reader);
    }

    private static IReadOnlyList<string> Rank(AnswerEngine engine, string query) =>
        [.. engine.Ask(query, top: 10).Answers.Select(a => a.Entry.Question)];

    /// <summary>Checks <paramref name="measured"/> against the seed table of docs/benchmarks.md.</summary>
    private static void Documented(string rowLabel, RankingMetrics measured)
    {
        var row = DocumentedFigures.Row("ranker", rowLabel);
        DocumentedFigures.Near(row["P@1"], measured.P1, $"{rowLabel}: P@1");
        DocumentedFigures.Near(row["hit@3"], measured.Hit3, $"{rowLabel}: hit@3");
        DocumentedFigures.Near(row["MRR@10"], measured.Mrr10, $"{rowLabel}: MRR@10");
    }

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
        var queries = Set();
        var ranking = Engines.Create(seed.KnowledgeBase, new SearchOptions { NoAnswerThreshold = 0, RelatedThreshold = 0 });
        var engine = queries.Measure(q => Rank(ranking, q));
        using var baseline = new PlainBm25Baseline(seed.KnowledgeBase);
        var bm25 = queries.Measure(q => [.. baseline.Search(q, 10).Select(e => e.Question)]);
        output.WriteLine($"Stride ranking: {JudgedQuerySet.Summary(engine)}");
        output.WriteLine($"Plain BM25:     {JudgedQuerySet.Summary(bm25)}");

        Assert.True(engine.Hit3 >= 0.95, $"hit@3 {engine.Hit3:F3} < 0.95");
        Assert.True(engine.Mrr10 >= 0.85, $"MRR@10 {engine.Mrr10:F3} < 0.85");
        Assert.True(engine.Mrr10 > bm25.Mrr10 + 0.05, $"engine MRR@10 {engine.Mrr10:F3} does not clearly beat BM25 {bm25.Mrr10:F3}");
        Assert.True(engine.Hit3 >= bm25.Hit3, $"engine hit@3 {engine.Hit3:F3} below BM25 {bm25.Hit3:F3}");
        Documented("Stride ranking (no-answer threshold off)", engine);
        Documented("plain BM25, question + answer (baseline)", bm25);
    }

    [Fact]
    public void With_the_default_threshold_nearly_every_question_is_answered_well()
    {
        // End to end, as 'stride ask' shows it: a question declined as "no good answer" counts as a miss.
        var set = Set();
        var queries = set.Queries;
        var figures = set.Measure(q => Rank(seed.Engine, q));
        var answered = queries.Count(q => !seed.Engine.Ask(q.Query).NoGoodAnswer);
        output.WriteLine($"Stride ask (default threshold): {JudgedQuerySet.Summary(figures)}; answered {answered}/{queries.Count}");
        Assert.True(answered >= queries.Count * 0.9, $"only {answered}/{queries.Count} answered");
        Assert.True(figures.Hit3 >= 0.9, $"hit@3 {figures.Hit3:F3} < 0.9");
        Assert.True(figures.Mrr10 >= 0.85, $"MRR@10 {figures.Mrr10:F3} < 0.85");
        Documented("Stride ask end to end", figures);
        Assert.Equal((int)DocumentedFigures.Number(@"With the default threshold (\d+) of the 72 in-domain queries are answered"), answered);
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
