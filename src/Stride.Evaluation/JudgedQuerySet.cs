using System.Globalization;

namespace Stride.Evaluation;

/// <summary>A test query with the entries that answer it, for measuring ranking quality.</summary>
/// <param name="Query">The question as a user might type it.</param>
/// <param name="Relevant">Keys (ids or questions) of the entries that answer it.</param>
public sealed record JudgedQuery(string Query, IReadOnlySet<string> Relevant);

/// <summary>
/// Our own judged queries (a TSV of <c>query&lt;TAB&gt;key|key|...</c>): each query with the entries that answer it.
/// Measured with <see cref="RankingMetrics"/>, like LiveQA, so that both report the same figures under the same names.
/// </summary>
public sealed class JudgedQuerySet
{
    /// <summary>
    /// The grade a listed key gets: a listed entry answers the query, which LiveQA calls Excellent. Any grade from
    /// <see cref="RankingMetrics.RelevantGrade"/> up gives the same P@1, hit@3 and MRR@10.
    /// </summary>
    public const int AnswersGrade = 3;

    /// <summary>Creates a set from <paramref name="queries"/>.</summary>
    public JudgedQuerySet(IReadOnlyList<JudgedQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        Queries = queries;
    }

    /// <summary>The queries, in file order.</summary>
    public IReadOnlyList<JudgedQuery> Queries { get; }

    /// <summary>Reads a TSV of <c>query&lt;TAB&gt;key|key|...</c> with a header row; rows without a query are skipped.</summary>
    public static JudgedQuerySet ReadTsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<JudgedQuery>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Trim().Length > 0)
            {
                result.Add(new JudgedQuery(parts[0].Trim(), parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)));
            }
        }

        return new JudgedQuerySet(result);
    }

    /// <summary>Scores the keys <paramref name="rank"/> returns for each query, best first.</summary>
    public RankingMetrics Measure(Func<string, IReadOnlyList<string>> rank)
    {
        ArgumentNullException.ThrowIfNull(rank);

        // Queries are keyed by their place, not their text: the same wording may be judged twice.
        var ids = Queries.Select((_, i) => Id(i)).ToList();
        var run = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < Queries.Count; i++)
        {
            run[ids[i]] = rank(Queries[i].Query);
        }

        var qrels = Qrels.From(Queries.SelectMany((q, i) => q.Relevant.Select(key => (Id(i), key, AnswersGrade))));
        return RankingMetrics.Compute(ids, run, qrels);
    }

    /// <summary>One line of the figures our own sets report: P@1, hit@3 and MRR@10.</summary>
    public static string Summary(RankingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return string.Create(CultureInfo.InvariantCulture, $"{metrics.Questions} queries: P@1 {metrics.P1:F3}, hit@3 {metrics.Hit3:F3}, MRR@10 {metrics.Mrr10:F3}");
    }

    private static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"Q{index + 1}");
}
