using Stride.Search;

namespace Stride.Tests.Search;

/// <summary>Stride's own KB against our consumer queries (Data/kb-queries.tsv, entry ids as judgments).</summary>
public sealed class OwnKbCoverageTests(OwnKbFixture own, ITestOutputHelper output) : IClassFixture<OwnKbFixture>
{
    private static IReadOnlyList<JudgedQuery> Queries()
    {
        using var reader = File.OpenText(TestPaths.DataFile("kb-queries.tsv"));
        return RelevanceFigures.ReadTsv(reader);
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
        var queries = Queries();
        var figures = RelevanceFigures.Measure(queries, q => [.. own.Engine.Ask(q, 10).Answers.Select(a => a.Entry.Id)]);
        var answered = queries.Count(q => !own.Engine.Ask(q.Query).NoGoodAnswer);
        output.WriteLine($"Stride ask on kb/: {figures}; answered {answered}/{queries.Count}");
        Assert.True(figures.SuccessAt3 >= 0.9, $"success@3 {figures.SuccessAt3:F3} < 0.9");
        Assert.True(answered >= queries.Count * 0.95, $"only {answered}/{queries.Count} answered");
    }
}
