using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Evaluation;

/// <summary>One ranker's figures on a judged set, with how it handles the questions the collection cannot answer.</summary>
/// <param name="Ranker">The ranker's name.</param>
/// <param name="Metrics">Ranking figures on the answerable queries (no-answer threshold off).</param>
/// <param name="DeclinedUnanswerable">Unanswerable queries (no relevant entry) for which the page says "no good answer".</param>
/// <param name="DeclinedAnswerable">Answerable queries for which it says so wrongly.</param>
public sealed record ComparisonRow(string Ranker, RankingMetrics Metrics, int? DeclinedUnanswerable, int? DeclinedAnswerable);

/// <summary>
/// Plain BM25, Stride with semantic search off (today's ranking) and Stride with it on, on one judged query set over
/// one collection, in the same run. Queries judged with no relevant entry count only for the no-answer behaviour.
/// </summary>
public static class SemanticComparison
{
    /// <summary>
    /// Measures plain BM25, dense retrieval alone, the two fused without Stride's rules, and Stride with semantic search
    /// off and on; <paramref name="vectors"/> are the collection's entry vectors.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> Run(JudgedQuerySet set, SearchIndex index, EntryVectors vectors, SearchOptions semanticOff, SearchOptions semanticOn)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(semanticOff);
        ArgumentNullException.ThrowIfNull(semanticOn);
        var answerable = new JudgedQuerySet([.. set.Queries.Where(q => q.Relevant.Count > 0)]);
        var unanswerable = set.Queries.Where(q => q.Relevant.Count == 0).ToList();
        var byId = set.Queries.SelectMany(q => q.Relevant).All(key => index.KnowledgeBase.Find(key) is not null);
        string Key(KbEntry e) => byId ? e.Id : e.Question;

        using var baseline = new PlainBm25Baseline(index.KnowledgeBase);
        var rows = new List<ComparisonRow>
        {
            new("plain BM25 (baseline)", answerable.Measure(q => [.. baseline.Search(q, 10).Select(Key)]), null, null),
            new("dense alone (cosine)", answerable.Measure(q => [.. Rankers.Dense(index, vectors, 10)(q).Select(a => Key(index.KnowledgeBase.Find(a.AnswerId)!))]), null, null),
        };

        var fusedSearcher = new Searcher(index, Options.Create(Ablation.FusedWithoutRules(semanticOn, semanticOn.CandidateCount)), vectors);
        rows.Add(new ComparisonRow("BM25 + dense, fused, no rules", answerable.Measure(q => [.. fusedSearcher.Search(q).Select(h => Key(h.Entry))]), null, null));
        foreach (var (name, options) in new[] { ("Stride, semantic off (today)", semanticOff), ("Stride, semantic on (hybrid)", semanticOn) })
        {
            var searcher = new Searcher(index, Options.Create(options), vectors);
            var metrics = answerable.Measure(q => [.. searcher.Search(q).Select(h => Key(h.Entry))]);
            bool Declines(string q) => !AnswerEngine.SelectAnswers(searcher.Search(q), options).Any();
            rows.Add(new ComparisonRow(name, metrics, unanswerable.Count(q => Declines(q.Query)), answerable.Queries.Count(q => Declines(q.Query))));
        }

        return rows;
    }

    /// <summary>The rows as a Markdown table: success@1 (P@1), success@3 (hit@3), MRR@10 and the no-answer counts.</summary>
    public static string Table(IReadOnlyList<ComparisonRow> rows, int answerable, int unanswerable)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| ranker | success@1 | success@3 | MRR | declined: unanswerable (of {unanswerable}) | declined: answerable (of {answerable}) |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Ranker} | {r.Metrics.P1:F3} | {r.Metrics.Hit3:F3} | {r.Metrics.Mrr10:F3} | {(r.DeclinedUnanswerable?.ToString(CultureInfo.InvariantCulture) ?? "–")} | {(r.DeclinedAnswerable?.ToString(CultureInfo.InvariantCulture) ?? "–")} |");
        }

        return text.ToString();
    }

    /// <summary>
    /// For each query of <paramref name="set"/>: the rank of the first right answer <paramref name="searcher"/> finds
    /// (0 when none of its ten is right), then its first three answers as id and question, tab-separated.
    /// </summary>
    public static void WriteDetails(TextWriter writer, JudgedQuerySet set, Searcher searcher)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(searcher);
        var kb = searcher.Index.KnowledgeBase;
        var byId = set.Queries.SelectMany(q => q.Relevant).All(key => kb.Find(key) is not null);
        writer.WriteLine("query\tfirst right rank\ttop 3 (confidence)");
        foreach (var q in set.Queries)
        {
            var hits = searcher.Search(q.Query).Take(10).ToList();
            var rank = hits.FindIndex(h => q.Relevant.Contains(byId ? h.Entry.Id : h.Entry.Question)) + 1;
            var top = hits.Take(3).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Entry.Id} {h.Entry.Question} ({h.Confidence:F2})"));
            writer.WriteLine($"{q.Query}\t{(q.Relevant.Count == 0 ? "-" : rank)}\t{string.Join("\t", top)}");
        }
    }
}
