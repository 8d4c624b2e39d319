namespace Stride.Search;

/// <summary>A test query with the entries that answer it, for measuring ranking quality.</summary>
/// <param name="Query">The question as a user might type it.</param>
/// <param name="Relevant">Keys (ids or questions) of the entries that answer it.</param>
public sealed record JudgedQuery(string Query, IReadOnlySet<string> Relevant);

/// <summary>Success@k and mean reciprocal rank over judged queries.</summary>
/// <param name="Queries">Number of queries.</param>
/// <param name="SuccessAt1">Share of queries with a relevant entry first.</param>
/// <param name="SuccessAt3">Share of queries with a relevant entry in the top three.</param>
/// <param name="Mrr">Mean reciprocal rank of the first relevant entry (0 when none in the top ten).</param>
public sealed record RelevanceFigures(int Queries, double SuccessAt1, double SuccessAt3, double Mrr)
{
    /// <summary>Scores ranked keys for each query.</summary>
    public static RelevanceFigures Measure(IReadOnlyList<JudgedQuery> queries, Func<string, IReadOnlyList<string>> rank)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(rank);
        double s1 = 0, s3 = 0, rr = 0;
        foreach (var q in queries)
        {
            var ranked = rank(q.Query);
            var first = -1;
            for (var i = 0; i < Math.Min(10, ranked.Count); i++)
            {
                if (q.Relevant.Contains(ranked[i]))
                {
                    first = i;
                    break;
                }
            }

            s1 += first == 0 ? 1 : 0;
            s3 += first is >= 0 and < 3 ? 1 : 0;
            rr += first >= 0 ? 1.0 / (first + 1) : 0;
        }

        var n = Math.Max(1, queries.Count);
        return new RelevanceFigures(queries.Count, s1 / n, s3 / n, rr / n);
    }

    /// <summary>Reads a TSV of <c>query&lt;TAB&gt;key|key|...</c> with a header row.</summary>
    public static IReadOnlyList<JudgedQuery> ReadTsv(TextReader reader)
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

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Queries} queries: success@1 {SuccessAt1:F3}, success@3 {SuccessAt3:F3}, MRR {Mrr:F3}";
}
