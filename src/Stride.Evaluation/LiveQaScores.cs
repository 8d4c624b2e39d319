using System.Globalization;
using System.Text;
using System.Text.Json;
using Stride.Hosting;

namespace Stride.Evaluation;

/// <summary>What <c>ask</c> itself shows: how many questions it answers, and the avgScore of its first answers.</summary>
/// <param name="Answered">Questions with an answer (not "no good answer").</param>
/// <param name="AvgScore">Mean grade of the first answer shown, "no good answer" counted as 0.</param>
public sealed record AskFigures(int Answered, double AvgScore);

/// <summary>
/// Step 2 of the LiveQA evaluation: a ranking scored against the judgments, read only now. The headline figures use
/// the lower grade of a pair judged twice; the higher grade's avgScore is shown beside them.
/// </summary>
/// <param name="Ranker">The ranker's name: <c>stride</c> or <c>bm25</c>.</param>
/// <param name="Variant">The wording the ranker saw.</param>
/// <param name="Metrics">The figures with the lower grade for duplicated judgments (the headline).</param>
/// <param name="HigherGrade">The figures with the higher grade for duplicated judgments.</param>
/// <param name="Ask">What <c>ask</c> shows (Stride only).</param>
/// <param name="ConflictingJudgments">Pairs judged twice with different grades.</param>
public sealed record LiveQaScores(string Ranker, LiveQaVariant Variant, RankingMetrics Metrics, RankingMetrics HigherGrade, AskFigures? Ask, int ConflictingJudgments)
{
    /// <summary>Scores <paramref name="ranking"/> for every question <paramref name="questionIds"/> names.</summary>
    /// <param name="ranking">The run to score.</param>
    /// <param name="questionIds">The questions scored (an unanswered one counts 0).</param>
    /// <param name="lower">The judgments read with the lower grade for duplicates.</param>
    /// <param name="higher">The same judgments read with the higher grade.</param>
    public static LiveQaScores Score(LiveQaRanking ranking, IReadOnlyList<string> questionIds, Qrels lower, Qrels higher)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(questionIds);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(higher);
        var ids = ranking.Run.AnswerIds();
        var ask = ranking.Shown is { } shown
            ? new AskFigures(shown.Answered, RankingMetrics.Compute(questionIds, shown.AnswerIds(), lower).AvgScore)
            : null;
        return new LiveQaScores(ranking.Ranker, ranking.Variant, RankingMetrics.Compute(questionIds, ids, lower),
            RankingMetrics.Compute(questionIds, ids, higher), ask, lower.Conflicts);
    }

    /// <summary>
    /// The figures as one JSON object. Its names are a contract (scripts read them): new ones may be added, existing
    /// ones keep their names and meaning.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Json(
            Ranker, Variant.ToString().ToLowerInvariant(), Metrics.Questions, Metrics.AvgScore, Metrics.Succ1, Metrics.Succ2, Metrics.Succ3,
            Metrics.Map10, Metrics.Mrr10, Metrics.Ndcg10, Metrics.P1, Metrics.Unjudged1, Metrics.Unjudged10, Metrics.CondensedAvgScore,
            Metrics.CondensedNdcg10, HigherGrade.AvgScore, Ask?.Answered, Ask?.AvgScore, ConflictingJudgments),
        AnswerJson.Options);

    /// <summary>The figures as the table <c>stride eval liveqa</c> prints, ending with a line break.</summary>
    public string Report()
    {
        var c = CultureInfo.InvariantCulture;
        var m = Metrics;
        var text = new StringBuilder();
        text.AppendLine(string.Create(c, $"LiveQA-Med 2017 test questions over MedQuAD XML: ranker {Ranker}, {Variant.ToString().ToLowerInvariant()} questions, {m.Questions} questions"));
        text.AppendLine(string.Create(c, $"(pairs judged twice with different grades: {ConflictingJudgments}; headline figures use the lower grade)"));
        text.AppendLine();
        (string Name, string Value)[] rows =
        [
            ("avgScore (0-3)", string.Create(c, $"{m.AvgScore:F3}   (higher grade for duplicates: {HigherGrade.AvgScore:F3})")),
            ("succ@1+ (Related or better)", string.Create(c, $"{m.Succ1:F3}")),
            ("succ@2+ (Incomplete or better)", string.Create(c, $"{m.Succ2:F3}")),
            ("succ@3+ (Excellent)", string.Create(c, $"{m.Succ3:F3}")),
            ("P@1", string.Create(c, $"{m.P1:F3}")),
            ("MAP@10", string.Create(c, $"{m.Map10:F3}")),
            ("MRR@10", string.Create(c, $"{m.Mrr10:F3}")),
            ("nDCG@10", string.Create(c, $"{m.Ndcg10:F3}")),
            ("unjudged@1", string.Create(c, $"{m.Unjudged1:F3}")),
            ("unjudged@10", string.Create(c, $"{m.Unjudged10:F3}")),
            ("condensed avgScore", string.Create(c, $"{m.CondensedAvgScore:F3}")),
            ("condensed nDCG@10", string.Create(c, $"{m.CondensedNdcg10:F3}")),
        ];
        if (Ask is not null)
        {
            rows = [.. rows,
                ("ask: questions answered", string.Create(c, $"{Ask.Answered} of {m.Questions}")),
                ("ask: avgScore of first answer", string.Create(c, $"{Ask.AvgScore:F3}   (\"no good answer\" counts 0)")),
            ];
        }

        foreach (var (name, value) in rows)
        {
            text.AppendLine(string.Create(c, $"  {name,-32} {value}"));
        }

        text.AppendLine();
        text.AppendLine("Published avgScore on this setting: 0.637 (best TREC 2017 run), 0.711 (IR, AMIA 2019), 0.827 (IR + entailment, BMC Bioinformatics 2019).");
        text.AppendLine("Unjudged answers count as 0, so every figure is a lower bound; the condensed figures drop them.");
        return text.ToString();
    }

    /// <summary>The JSON object's fields, in the order scripts have always seen them.</summary>
    private sealed record Json(
        string Ranker, string Variant, int Questions, double AvgScore, double Succ1, double Succ2, double Succ3, double Map10, double Mrr10,
        double Ndcg10, double P1, double Unjudged1, double Unjudged10, double CondensedAvgScore, double CondensedNdcg10,
        double AvgScoreHigherGrade, int? AskAnswered, double? AskAvgScore, int ConflictingJudgments);
}
