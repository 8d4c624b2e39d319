using Stride.Search;

namespace Stride.Evaluation;

/// <summary>Which wording of a LiveQA question is given to the ranker.</summary>
public enum LiveQaVariant
{
    /// <summary>The consumer's own SUBJECT and MESSAGE: the headline setting.</summary>
    Original,

    /// <summary>NIST's paraphrase, written by an assessor (a labelled variant, never the headline).</summary>
    Paraphrase,

    /// <summary>NLM's short summary, written by an assessor (a labelled variant, never the headline).</summary>
    Summary,
}

/// <summary>One ranked answer of a run.</summary>
/// <param name="AnswerId">The entry id (the qrels' AnswerID without <c>.txt</c>).</param>
/// <param name="Score">The ranker's score, higher is better.</param>
public sealed record RankedAnswer(string AnswerId, double Score);

/// <summary>
/// Asks every LiveQA question of a ranker and collects the rankings. It is given questions and a ranker only:
/// the judgments are never within its reach, so they cannot leak into a ranking.
/// </summary>
public static class LiveQaRunner
{
    /// <summary>The text a ranker sees for <paramref name="question"/> in <paramref name="variant"/>.</summary>
    public static string Input(LiveQaQuestion question, LiveQaVariant variant)
    {
        ArgumentNullException.ThrowIfNull(question);
        return variant switch
        {
            LiveQaVariant.Paraphrase => question.Paraphrase ?? question.Original,
            LiveQaVariant.Summary => question.Summary ?? question.Paraphrase ?? question.Original,
            _ => question.Original,
        };
    }

    /// <summary>Ranks answers for every question, best first, at most <paramref name="depth"/> each.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> Run(
        IReadOnlyList<LiveQaQuestion> questions, Func<string, IReadOnlyList<RankedAnswer>> ranker, LiveQaVariant variant, int depth, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(ranker);
        var results = new Dictionary<string, IReadOnlyList<RankedAnswer>>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            results[questions[i].Id] = [.. ranker(Input(questions[i], variant)).Take(depth)];
            progress?.Report(i + 1);
        }

        return results;
    }

    /// <summary>A ranker over Stride's engine (the same one <c>ask</c> uses, without the no-answer threshold).</summary>
    public static Func<string, IReadOnlyList<RankedAnswer>> Stride(Searcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return Stride(searcher.Search);
    }

    /// <summary>A ranker over the hits <paramref name="search"/> finds, in their order (no no-answer threshold).</summary>
    public static Func<string, IReadOnlyList<RankedAnswer>> Stride(Func<string, IReadOnlyList<SearchHit>> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return q => [.. search(q).Select(h => new RankedAnswer(h.Entry.Id, h.Score))];
    }

    /// <summary>
    /// What <c>ask</c> shows of the hits <paramref name="search"/> finds: the answers the page would list, best first,
    /// or none when the page says there is no good answer. Scored like a run, an unanswered question counts 0.
    /// </summary>
    public static Func<string, IReadOnlyList<RankedAnswer>> StrideAsShown(Func<string, IReadOnlyList<SearchHit>> search, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(options);
        return q => [.. AnswerEngine.SelectAnswers(search(q), options).Select(h => new RankedAnswer(h.Entry.Id, h.Confidence))];
    }

    /// <summary>The plain BM25 baseline as a ranker.</summary>
    public static Func<string, IReadOnlyList<RankedAnswer>> Bm25(PlainBm25Baseline baseline, int depth)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return q =>
        {
            var ranked = baseline.Search(q, depth);
            return [.. ranked.Select((e, i) => new RankedAnswer(e.Id, ranked.Count - i))];
        };
    }

    /// <summary>Writes a run in TREC format: <c>TQn Q0 AnswerID rank score tag</c>, AnswerID as in the qrels (with <c>.txt</c>).</summary>
    public static void WriteTrecRun(TextWriter writer, IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> run, string tag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var (question, answers) in run.OrderBy(r => int.Parse(r.Key.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)))
        {
            for (var i = 0; i < answers.Count; i++)
            {
                writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{question} Q0 {answers[i].AnswerId}.txt {i + 1} {answers[i].Score:F6} {tag}\n"));
            }
        }
    }
}
