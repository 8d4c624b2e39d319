using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Evaluation;

/// <summary>
/// Step 1 of the LiveQA evaluation: a ranker's run over the questions, made before any judgment is read.
/// </summary>
/// <param name="Ranker">The ranker's name: <c>stride</c>, <c>hybrid</c> (Stride with semantic search), <c>dense</c> or <c>bm25</c>.</param>
/// <param name="Variant">The wording the ranker saw.</param>
/// <param name="Run">The ranked answers per question.</param>
/// <param name="Shown">What <c>ask</c> shows for each question (Stride only): the same ranking with the no-answer threshold.</param>
public sealed record LiveQaRanking(string Ranker, LiveQaVariant Variant, LiveQaRun Run, LiveQaRun? Shown)
{
    /// <summary>The tag of the run's TREC lines, for example <c>stride-stride-original</c>.</summary>
    public string Tag => $"stride-{Ranker}-{VariantName}";

    /// <summary>The wording's name as the CLI spells it (<c>original</c>, <c>paraphrase</c>, <c>summary</c>).</summary>
    public string VariantName => Variant.ToString().ToLowerInvariant();

    /// <summary>
    /// Stride's ranking over <paramref name="index"/>, with the default search options but <see cref="LiveQaAsker.Depth"/>
    /// candidates; with semantic search on when <paramref name="vectors"/> are given.
    /// </summary>
    public static LiveQaRanking Stride(SearchIndex index, LiveQaAsker asker, EntryVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(asker);
        var options = new SearchOptions { CandidateCount = asker.Depth, Semantic = vectors is not null };
        var searcher = new Searcher(index, Options.Create(options), vectors);

        // The ranking and what ask shows of it come from one search per question.
        var searched = new Dictionary<string, IReadOnlyList<SearchHit>>(StringComparer.Ordinal);
        IReadOnlyList<SearchHit> Search(string question) =>
            searched.TryGetValue(question, out var hits) ? hits : searched[question] = searcher.Search(question);
        var run = asker.Ask(Rankers.Stride(Search));
        var shown = asker.AskQuietly(Rankers.StrideAsShown(Search, options));
        return new LiveQaRanking(vectors is null ? "stride" : "hybrid", asker.Variant, run, shown);
    }

    /// <summary>Dense retrieval alone (cosine over <paramref name="vectors"/>), the semantic baseline.</summary>
    public static LiveQaRanking Dense(SearchIndex index, EntryVectors vectors, LiveQaAsker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return new LiveQaRanking("dense", asker.Variant, asker.Ask(Rankers.Dense(index, vectors, asker.Depth)), null);
    }

    /// <summary>The plain BM25 baseline's ranking over <paramref name="knowledgeBase"/>.</summary>
    public static LiveQaRanking Bm25(KnowledgeBase knowledgeBase, LiveQaAsker asker)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(asker);
        using var baseline = new PlainBm25Baseline(knowledgeBase);
        return new LiveQaRanking("bm25", asker.Variant, asker.Ask(Rankers.Bm25(baseline, asker.Depth)), null);
    }

    /// <summary>Writes <see cref="Run"/> in TREC format with <see cref="Tag"/>.</summary>
    public void WriteTrec(TextWriter writer) => Run.WriteTrec(writer, Tag);
}
