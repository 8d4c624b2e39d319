namespace Stride.Evaluation;

/// <summary>
/// The figures of a ranked run against graded judgments (grades 0..3: Incorrect, Related, Incomplete, Excellent). This
/// is Stride's one set of ranking figures, for LiveQA-Med and for our own judged query sets alike.
/// </summary>
/// <remarks>
/// Names follow one rule: <c>succ@k+</c> (<see cref="Succ1"/>..<see cref="Succ3"/>) is LiveQA's measure of the top
/// answer's <em>grade</em> (at least k); <c>@n</c> after any other name is a <em>rank cutoff</em> (<see cref="P1"/>,
/// <see cref="Hit3"/>, <see cref="Map10"/>, ...). "Relevant" always means <see cref="RelevantGrade"/> or better.
/// </remarks>
/// <param name="Questions">Questions scored.</param>
/// <param name="AvgScore">Mean grade of the top answer, unanswered or unjudged counted as 0 (the LiveQA measure).</param>
/// <param name="Succ1">succ@1+: share of questions whose top answer is at least Related.</param>
/// <param name="Succ2">succ@2+: share of questions whose top answer is at least Incomplete.</param>
/// <param name="Succ3">succ@3+: share of questions whose top answer is Excellent.</param>
/// <param name="Map10">Mean average precision at 10, relevant meaning Incomplete or Excellent (as in Ben Abacha and Demner-Fushman 2019).</param>
/// <param name="Mrr10">Mean reciprocal rank of the first relevant answer within 10.</param>
/// <param name="Ndcg10">Mean nDCG at 10 with the grades as gains.</param>
/// <param name="P1">P@1: share of questions whose top answer is relevant (Incomplete or Excellent).</param>
/// <param name="Hit3">hit@3: share of questions with a relevant answer among the top three.</param>
/// <param name="Unjudged1">Share of top answers that have no judgment.</param>
/// <param name="Unjudged10">Share of the answers returned in the top 10 that have no judgment.</param>
/// <param name="CondensedAvgScore">AvgScore after removing unjudged answers from each ranking (Sakai's condensed lists).</param>
/// <param name="CondensedNdcg10">nDCG at 10 on the condensed rankings.</param>
public sealed record RankingMetrics(
    int Questions, double AvgScore, double Succ1, double Succ2, double Succ3, double Map10, double Mrr10, double Ndcg10, double P1, double Hit3,
    double Unjudged1, double Unjudged10, double CondensedAvgScore, double CondensedNdcg10)
{
    /// <summary>Grade from which an answer counts as relevant for MAP, MRR, P@1 and hit@3 (Incomplete).</summary>
    public const int RelevantGrade = 2;

    /// <summary>Scores <paramref name="run"/> (answer ids best first, per question) for every question in <paramref name="questions"/>.</summary>
    public static RankingMetrics Compute(IReadOnlyList<string> questions, IReadOnlyDictionary<string, IReadOnlyList<string>> run, Qrels qrels)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(qrels);
        double avg = 0, s1 = 0, s2 = 0, s3 = 0, map = 0, mrr = 0, ndcg = 0, p1 = 0, hit3 = 0, unjudged1 = 0, cAvg = 0, cNdcg = 0;
        int returned10 = 0, unjudged10 = 0, answered = 0;
        foreach (var q in questions)
        {
            var ranking = run.TryGetValue(q, out var r) ? r : [];
            var grades = ranking.Select(a => qrels.Grade(q, a)).ToList();
            var top = grades.Count > 0 ? grades[0] : null;
            var topGrade = top ?? 0;
            avg += topGrade;
            s1 += topGrade >= 1 ? 1 : 0;
            s2 += topGrade >= 2 ? 1 : 0;
            s3 += topGrade >= 3 ? 1 : 0;
            p1 += topGrade >= RelevantGrade ? 1 : 0;
            if (grades.Count > 0)
            {
                answered++;
                unjudged1 += top is null ? 1 : 0;
            }

            var first10 = grades.Take(10).ToList();
            returned10 += first10.Count;
            unjudged10 += first10.Count(g => g is null);

            var allGrades = qrels.GradesFor(q).ToList();
            map += AveragePrecision(first10, allGrades.Count(g => g >= RelevantGrade));
            var firstRelevant = first10.FindIndex(g => g >= RelevantGrade);
            mrr += firstRelevant >= 0 ? 1.0 / (firstRelevant + 1) : 0;
            hit3 += firstRelevant is >= 0 and < 3 ? 1 : 0;
            ndcg += Ndcg(first10, allGrades);

            var condensed = grades.Where(g => g is not null).Take(10).ToList();
            cAvg += condensed.Count > 0 ? condensed[0]!.Value : 0;
            cNdcg += Ndcg(condensed, allGrades);
        }

        var n = Math.Max(1, questions.Count);
        return new RankingMetrics(questions.Count, avg / n, s1 / n, s2 / n, s3 / n, map / n, mrr / n, ndcg / n, p1 / n, hit3 / n,
            answered == 0 ? 0 : unjudged1 / answered, returned10 == 0 ? 0 : (double)unjudged10 / returned10, cAvg / n, cNdcg / n);
    }

    private static double AveragePrecision(List<int?> grades, int relevantTotal)
    {
        if (relevantTotal == 0)
        {
            return 0;
        }

        double hits = 0, sum = 0;
        for (var i = 0; i < grades.Count; i++)
        {
            if (grades[i] >= RelevantGrade)
            {
                hits++;
                sum += hits / (i + 1);
            }
        }

        return sum / relevantTotal;
    }

    private static double Ndcg(List<int?> grades, List<int> allGrades)
    {
        var ideal = Dcg([.. allGrades.OrderDescending().Take(10).Select(g => (int?)g)]);
        return ideal == 0 ? 0 : Dcg(grades) / ideal;
    }

    private static double Dcg(List<int?> grades)
    {
        double dcg = 0;
        for (var i = 0; i < grades.Count; i++)
        {
            dcg += (grades[i] ?? 0) / Math.Log2(i + 2);
        }

        return dcg;
    }
}
