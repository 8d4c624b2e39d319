using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>Our own judged query sets, read from TSV and measured with the same figures as LiveQA.</summary>
public sealed class JudgedQuerySetTests
{
    // q1 finds its entry first; q2 third; q3 fourth; q4 never. q5 is q1's wording judged with another entry.
    private const string Tsv = "query\trelevant\n"
        + "back pain\tA\n"
        + " sciatica \t B | C \n"
        + "\tZ\n"
        + "no tab here\n"
        + "stiff neck\tD\n"
        + "cramp\tE\n"
        + "back pain\tF\n";

    private static readonly Dictionary<string, string[]> Rankings = new(StringComparer.Ordinal)
    {
        ["back pain"] = ["A", "X", "Y"],
        ["sciatica"] = ["X", "Y", "C", "B"],
        ["stiff neck"] = ["X", "Y", "Z", "D"],
        ["cramp"] = ["X"],
    };

    private static JudgedQuerySet Set() => JudgedQuerySet.ReadTsv(new StringReader(Tsv));

    [Fact]
    public void The_header_and_rows_without_a_query_are_skipped_and_keys_trimmed()
    {
        var set = Set();
        Assert.Equal(["back pain", "sciatica", "stiff neck", "cramp", "back pain"], set.Queries.Select(q => q.Query));
        Assert.Equal(["B", "C"], set.Queries[1].Relevant.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void P1_hit3_and_mrr10_count_the_first_listed_entry()
    {
        var m = Set().Measure(q => Rankings[q]);
        Assert.Equal(5, m.Questions);
        Assert.Equal(1.0 / 5, m.P1, 6);                               // only q1 has its entry first (q5 ranks A, not F)
        Assert.Equal(2.0 / 5, m.Hit3, 6);                             // q1 at 1, q2 at 3
        Assert.Equal((1 + (1.0 / 3) + (1.0 / 4)) / 5, m.Mrr10, 6);    // q3 at 4, q4 and q5 never
    }

    [Fact]
    public void The_same_wording_judged_twice_counts_as_two_queries()
    {
        var twice = new JudgedQuerySet([new JudgedQuery("x", new HashSet<string> { "A" }), new JudgedQuery("x", new HashSet<string> { "B" })]);
        var m = twice.Measure(_ => ["A"]);
        Assert.Equal(0.5, m.P1, 6);
    }

    [Fact]
    public void Only_the_top_ten_count()
    {
        var set = new JudgedQuerySet([new JudgedQuery("x", new HashSet<string> { "K" })]);
        var m = set.Measure(_ => [.. Enumerable.Range(0, 10).Select(i => $"N{i}"), "K"]);
        Assert.Equal(0.0, m.Mrr10, 6);
    }

    [Fact]
    public void An_empty_set_scores_zero()
    {
        var m = new JudgedQuerySet([]).Measure(_ => ["A"]);
        Assert.Equal(0, m.Questions);
        Assert.Equal(0.0, m.Mrr10);
    }

    [Fact]
    public void The_summary_names_the_figures_as_the_metrics_do()
    {
        var m = Set().Measure(q => Rankings[q]);
        Assert.Equal("5 queries: P@1 0.200, hit@3 0.400, MRR@10 0.317", JudgedQuerySet.Summary(m));
    }
}
