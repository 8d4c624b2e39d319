using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>The LiveQA metrics against a small example worked out by hand (see the comments).</summary>
public sealed class RankingMetricsTests
{
    // TQ1: A judged twice (4-Excellent and 3-Incomplete: grades 3 and 2), B Related (1), C Incorrect (0), D Excellent (3).
    // TQ2: E Incomplete (2). TQ3: no judgments and no answers.
    private const string QrelsText = """
        1 4-Excellent A.txt
        1 3-Incomplete A.txt
        1 2-Related B.txt
        1 1-Incorrect C.txt
        1 4-Excellent D.txt
        2 3-Incomplete E.txt
        """;

    private static readonly string[] Questions = ["TQ1", "TQ2", "TQ3"];

    // TQ1 returns an unjudged answer X first, then A, B, D. TQ2 returns E. TQ3 returns nothing.
    private static readonly Dictionary<string, IReadOnlyList<string>> Run = new()
    {
        ["TQ1"] = ["X", "A", "B", "D"],
        ["TQ2"] = ["E"],
        ["TQ3"] = [],
    };

    private static RankingMetrics Compute(bool higher = false) =>
        RankingMetrics.Compute(Questions, Run, Qrels.Read(new StringReader(QrelsText), higher));

    [Fact]
    public void Duplicate_judgments_keep_the_lower_grade_and_are_counted()
    {
        var lower = Qrels.Read(new StringReader(QrelsText));
        Assert.Equal(2, lower.Grade("TQ1", "A"));
        Assert.Equal(2, lower.Grade("TQ1", "A.txt"));
        Assert.Equal(1, lower.Conflicts);
        Assert.Equal(3, Qrels.Read(new StringReader(QrelsText), higherGrade: true).Grade("TQ1", "A"));
        Assert.Null(lower.Grade("TQ1", "X"));
    }

    [Fact]
    public void Top_answer_figures_count_unjudged_and_unanswered_as_zero()
    {
        var m = Compute();
        Assert.Equal(2.0 / 3, m.AvgScore, 6);   // TQ1 top unjudged = 0, TQ2 = 2, TQ3 unanswered = 0
        Assert.Equal(1.0 / 3, m.Succ1, 6);
        Assert.Equal(1.0 / 3, m.Succ2, 6);
        Assert.Equal(0.0, m.Succ3, 6);
        Assert.Equal(1.0 / 3, m.P1, 6);
    }

    [Fact]
    public void Map_and_mrr_use_incomplete_or_better_as_relevant()
    {
        var m = Compute();
        Assert.Equal(0.5, m.Map10, 6);   // TQ1: relevant A (rank 2) and D (rank 4): (1/2 + 2/4) / 2; TQ2: 1; TQ3: 0
        Assert.Equal(0.5, m.Mrr10, 6);   // 1/2, 1, 0
        Assert.Equal(2.0 / 3, m.Hit3, 6); // TQ1's A at rank 2 and TQ2's E at rank 1 are within 3; TQ3 has none
    }

    [Fact]
    public void Succ_counts_the_top_grade_and_hit_counts_a_rank_cutoff()
    {
        // succ@3+ asks for an Excellent top answer; hit@3 for a relevant answer among the top three.
        var qrels = Qrels.From([("TQ1", "A", 3), ("TQ1", "B", 2)]);
        var m = RankingMetrics.Compute(["TQ1"], new Dictionary<string, IReadOnlyList<string>> { ["TQ1"] = ["X", "Y", "B"] }, qrels);
        Assert.Equal(0.0, m.Succ3, 6);
        Assert.Equal(1.0, m.Hit3, 6);
        Assert.Equal(0.0, m.P1, 6);
    }

    [Fact]
    public void Ndcg_uses_grades_as_gains_against_the_ideal_order()
    {
        var m = Compute();

        // TQ1: DCG = 0 + 2/log2(3) + 1/log2(4) + 3/log2(5); ideal = 3 + 2/log2(3) + 1/log2(4) + 0.
        var tq1 = ((2 / Math.Log2(3)) + 0.5 + (3 / Math.Log2(5))) / (3 + (2 / Math.Log2(3)) + 0.5);
        Assert.Equal((tq1 + 1) / 3, m.Ndcg10, 6);
    }

    [Fact]
    public void Unjudged_shares_are_over_answered_questions_and_returned_answers()
    {
        var m = Compute();
        Assert.Equal(0.5, m.Unjudged1, 6);   // of the 2 answered questions, TQ1's top answer is unjudged
        Assert.Equal(0.2, m.Unjudged10, 6);  // 1 of 5 returned answers
    }

    [Fact]
    public void Condensed_figures_drop_unjudged_answers_first()
    {
        var m = Compute();
        Assert.Equal(4.0 / 3, m.CondensedAvgScore, 6); // TQ1 condensed starts with A (2), TQ2 = 2, TQ3 = 0
        var tq1 = (2 + (1 / Math.Log2(3)) + (3 / Math.Log2(4))) / (3 + (2 / Math.Log2(3)) + 0.5);
        Assert.Equal((tq1 + 1) / 3, m.CondensedNdcg10, 6);
    }

    [Fact]
    public void Higher_grade_variant_changes_only_the_duplicated_pair()
    {
        var lower = Compute();
        var higher = Compute(higher: true);
        Assert.Equal(lower.AvgScore, higher.AvgScore, 6);          // A is not first in any ranking
        Assert.True(higher.CondensedAvgScore > lower.CondensedAvgScore); // condensed TQ1 starts with A: 2 -> 3
    }

    [Fact]
    public void Ties_in_grades_give_the_same_gain_whatever_their_order()
    {
        var qrels = Qrels.From([("TQ1", "A", 2), ("TQ1", "B", 2)]);
        var ab = RankingMetrics.Compute(["TQ1"], new Dictionary<string, IReadOnlyList<string>> { ["TQ1"] = ["A", "B"] }, qrels);
        var ba = RankingMetrics.Compute(["TQ1"], new Dictionary<string, IReadOnlyList<string>> { ["TQ1"] = ["B", "A"] }, qrels);
        Assert.Equal(ab, ba);
        Assert.Equal(1.0, ab.Ndcg10, 6);
    }

    [Fact]
    public void Malformed_judgment_lines_name_their_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => Qrels.Read(new StringReader("1 4-Excellent A.txt\nTQ2 Excellent B\n")));
        Assert.StartsWith("line 2:", error.Message, StringComparison.Ordinal);
    }
}
