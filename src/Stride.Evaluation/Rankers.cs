using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Evaluation;

/// <summary>The rankers a run can ask: Stride's engine, what <c>ask</c> shows of it, and the plain BM25 baseline.</summary>
public static class Rankers
{
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

    /// <summary>
    /// The plain BM25 baseline as a ranker. Its scores are not comparable across questions, so a run carries the
    /// rank instead: <c>depth - i</c> for the i-th of <c>depth</c> answers.
    /// </summary>
    public static Func<string, IReadOnlyList<RankedAnswer>> Bm25(PlainBm25Baseline baseline, int depth)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return q =>
        {
            var ranked = baseline.Search(q, depth);
            return [.. ranked.Select((e, i) => new RankedAnswer(e.Id, ranked.Count - i))];
        };
    }

    /// <summary>
    /// Dense retrieval alone, the semantic baseline: the <paramref name="depth"/> entries whose vectors are nearest the
    /// question's by cosine, scored by it.
    /// </summary>
    public static Func<string, IReadOnlyList<RankedAnswer>> Dense(SearchIndex index, EntryVectors vectors, int depth)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(vectors);
        return q =>
        {
            var similarities = vectors.Similarities(vectors.Embed(q));
            return [.. EntryVectors.Nearest(similarities, depth).Select(doc => new RankedAnswer(index.EntryAt(doc).Id, similarities[doc]))];
        };
    }
}
