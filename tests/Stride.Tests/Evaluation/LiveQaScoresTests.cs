using System.Text.Json;
using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>Scoring a LiveQA ranking, and the table and JSON the CLI prints of it.</summary>
public sealed class LiveQaScoresTests
{
    // A judged twice: Excellent and Incomplete (lower 2, higher 3). X Related (1).
    private const string QrelsText = "1 4-Excellent A.txt\n1 3-Incomplete A.txt\n2 2-Related X.txt\n";

    private static readonly string[] Questions = ["TQ1", "TQ2", "TQ3"];

    private static LiveQaRun Run(params (string Question, string[] Answers)[] rankings) => new(
        rankings.ToDictionary(r => r.Question, r => (IReadOnlyList<RankedAnswer>)[.. r.Answers.Select((a, i) => new RankedAnswer(a, 10 - i))], StringComparer.Ordinal));

    // TQ1 ranks A then B, TQ2 ranks X, TQ3 nothing; ask shows only TQ1's A (TQ2 is "no good answer").
    private static LiveQaScores Score(bool shown = true)
    {
        var run = Run(("TQ1", ["A", "B"]), ("TQ2", ["X"]), ("TQ3", []));
        var ranking = new LiveQaRanking(shown ? "stride" : "bm25", LiveQaVariant.Original, run, shown ? Run(("TQ1", ["A"]), ("TQ2", []), ("TQ3", [])) : null);
        return LiveQaScores.Score(ranking, Questions, Qrels.Read(new StringReader(QrelsText)), Qrels.Read(new StringReader(QrelsText), higherGrade: true));
    }

    [Fact]
    public void The_headline_uses_the_lower_grade_and_ask_counts_no_good_answer_as_zero()
    {
        var s = Score();
        Assert.Equal(1.0, s.Metrics.AvgScore, 6);            // (2 + 1 + 0) / 3
        Assert.Equal(4.0 / 3, s.HigherGrade.AvgScore, 6);     // (3 + 1 + 0) / 3
        Assert.Equal(new AskFigures(1, 2.0 / 3), s.Ask);      // TQ1's A = 2; TQ2 and TQ3 unanswered
        Assert.Equal(1, s.ConflictingJudgments);
    }

    [Fact]
    public void The_table_lists_every_figure_with_three_decimals()
    {
        var lines = Score().Report().Split(Environment.NewLine);
        Assert.Equal("LiveQA-Med 2017 test questions over MedQuAD XML: ranker stride, original questions, 3 questions", lines[0]);
        Assert.Equal("(pairs judged twice with different grades: 1; headline figures use the lower grade)", lines[1]);
        Assert.Contains("  avgScore (0-3)                   1.000   (higher grade for duplicates: 1.333)", lines);
        Assert.Contains("  succ@1+ (Related or better)      0.667", lines);
        Assert.Contains("  succ@2+ (Incomplete or better)   0.333", lines);
        Assert.Contains("  ask: questions answered          1 of 3", lines);
        Assert.Contains("  ask: avgScore of first answer    0.667   (\"no good answer\" counts 0)", lines);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void The_json_keeps_its_contract_names_and_leaves_out_ask_figures_for_the_baseline()
    {
        using var stride = JsonDocument.Parse(Score().ToJson());
        Assert.Equal(
            ["ranker", "variant", "questions", "avgScore", "succ1", "succ2", "succ3", "map10", "mrr10", "ndcg10", "p1", "unjudged1", "unjudged10",
             "condensedAvgScore", "condensedNdcg10", "avgScoreHigherGrade", "askAnswered", "askAvgScore", "conflictingJudgments"],
            stride.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, stride.RootElement.GetProperty("askAnswered").GetInt32());

        using var bm25 = JsonDocument.Parse(Score(shown: false).ToJson());
        Assert.Equal("bm25", bm25.RootElement.GetProperty("ranker").GetString());
        Assert.False(bm25.RootElement.TryGetProperty("askAnswered", out _));
        Assert.DoesNotContain("ask:", Score(shown: false).Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ranking_is_tagged_by_ranker_and_wording()
    {
        var ranking = new LiveQaRanking("bm25", LiveQaVariant.Summary, Run(("TQ1", ["A"])), null);
        var text = new StringWriter();
        ranking.WriteTrec(text);
        Assert.Equal("TQ1 Q0 A.txt 1 10.000000 stride-bm25-summary\n", text.ToString());
    }

    [Fact]
    public void Stride_and_bm25_rankings_are_made_over_a_collection()
    {
        var kb = SmallCollection.Create();
        var questions = LiveQaQuestion.Read(new StringReader("""<x><NLM-QUESTION qid="TQ1"><Original-Question><MESSAGE>what is sciatica</MESSAGE></Original-Question></NLM-QUESTION></x>"""));
        var asker = new LiveQaAsker(questions, LiveQaVariant.Original, LiveQaAsker.DefaultDepth, NoAskProgress.Instance);

        var bm25 = LiveQaRanking.Bm25(kb, asker);
        Assert.Equal("a", bm25.Run.Rankings["TQ1"][0].AnswerId);
        Assert.Null(bm25.Shown);

        using var index = SmallCollection.Index(kb);
        var stride = LiveQaRanking.Stride(index, asker);
        Assert.Equal("a", stride.Run.Rankings["TQ1"][0].AnswerId);
        Assert.Equal("a", stride.Shown!.Rankings["TQ1"][0].AnswerId);
        Assert.Equal("stride-stride-original", stride.Tag);
    }
}
