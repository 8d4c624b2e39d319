using Stride.Evaluation;

namespace Stride.Tests.Search;

/// <summary>Stride's own KB against our consumer queries (Data/kb-queries.tsv, entry ids as judgments).</summary>
public sealed class OwnKbCoverageTests(OwnKbFixture own, ITestOutputHelper output) : IClassFixture<OwnKbFixture>
{
    private static IReadOnlyList<JudgedQuery> Queries() => Set().Queries;

    private static JudgedQuerySet Set()
    {
        using var reader = File.OpenText(TestPaths.DataFile("kb-queries.tsv"));
        return JudgedQuerySet.ReadTsv(reader);
    }

    [Fact]
    public void Every_judged_id_exists()
    {
        var unknown = Queries().SelectMany(q => q.Relevant).Where(id => own.KnowledgeBase.Find(id) is null).Distinct().ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Consumer_queries_find_their_entries()
    {
        var set = Set();
        var queries = set.Queries;
        var figures = set.Measure(q => [.. own.Engine.Ask(q, 10).Answers.Select(a => a.Entry.Id)]);
        var answered = queries.Count(q => !own.Engine.Ask(q.Query).NoGoodAnswer);
        output.WriteLine($"Stride ask on kb/: {JudgedQuerySet.Summary(figures)}; answered {answered}/{queries.Count}");
        Assert.True(figures.Hit3 >= 0.9, $"hit@3 {figures.Hit3:F3} < 0.9");

        // The figures docs/benchmarks.md gives for Stride's own KB.
        DocumentedFigures.Near(DocumentedFigures.Number(@"judged by entry id: P@1 (\d\.\d+)"), figures.P1, "P@1");
        DocumentedFigures.Near(DocumentedFigures.Number(@"judged by entry id: P@1 \d\.\d+, hit@3 (\d\.\d+)"), figures.Hit3, "hit@3");
        DocumentedFigures.Near(DocumentedFigures.Number(@"judged by entry id: P@1 \d\.\d+, hit@3 \d\.\d+, MRR@10 (\d\.\d+)"), figures.Mrr10, "MRR@10");
        Assert.Equal((int)DocumentedFigures.Number(@"MRR@10 \d\.\d+, (\d+) of 177 answered"), answered);
        Assert.True(answered >= queries.Count * 0.95, $"only {answered}/{queries.Count} answered");
    }
}
