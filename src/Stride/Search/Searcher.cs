using Microsoft.Extensions.Options;
using Stride.Search.Pipeline;
using Stride.Search.Semantic;

namespace Stride.Search;

/// <summary>
/// Finds the entries that answer a free-text question. The one search every host calls; a thin facade over the
/// pipeline in <c>Stride.Search.Pipeline</c>: the message is analysed (<see cref="QueryAnalyzer"/>), candidates are
/// retrieved (BM25 over question, alternates, focus and answer, with synonyms and typo correction), reranked by
/// question-to-question similarity and query coverage with a <see cref="ConfidenceModel"/>, reordered by the
/// ranking rules the options turn on, and cleared of near-duplicates.
/// </summary>
/// <remarks>
/// Thread-safe: every step keeps per-query state to itself, and the index's caches are concurrent. The per-index
/// statistics (idf, the names of conditions and drugs) are built when the first searcher over an index is created,
/// so the first question does not pay for them.
/// </remarks>
public sealed class Searcher
{
    private readonly QueryAnalyzer _analyzer;
    private readonly ICandidateRetriever _retriever;
    private readonly Reranker _reranker;
    private readonly IReadOnlyList<IRankingRule> _rules;
    private readonly NearDuplicateFilter _nearDuplicates;
    private readonly EntryVectors? _vectors;

    /// <summary>Creates a searcher over <paramref name="index"/>.</summary>
    /// <exception cref="OptionsValidationException">When the options are out of range (see <see cref="SearchOptionsValidator"/>).</exception>
    public Searcher(SearchIndex index, IOptions<SearchOptions> options)
        : this(index, options?.Value!, retriever: null, rules: null)
    {
    }

    /// <summary>
    /// Creates a searcher over <paramref name="index"/> that, unless <see cref="SearchOptions.Semantic"/> is false, also
    /// retrieves by the embeddings in <paramref name="vectors"/> (one per entry of the index; null for lexical only).
    /// </summary>
    /// <exception cref="OptionsValidationException">When the options are out of range (see <see cref="SearchOptionsValidator"/>).</exception>
    /// <exception cref="ArgumentException">When <paramref name="vectors"/> are not the index's (another count of entries).</exception>
    public Searcher(SearchIndex index, IOptions<SearchOptions> options, EntryVectors? vectors)
        : this(index, options?.Value!, retriever: null, rules: null, vectors)
    {
    }

    /// <summary>
    /// Creates a searcher with another retriever or other ranking rules (null for the ones <paramref name="options"/>
    /// choose): for experiments and tests of one step.
    /// </summary>
    internal Searcher(SearchIndex index, SearchOptions options, ICandidateRetriever? retriever, IReadOnlyList<IRankingRule>? rules, EntryVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        SearchOptionsValidator.ThrowIfInvalid(options);
        Index = index;

        // Building the vocabulary (idf, focus names) here, not on the first query.
        _ = index.Vocabulary;
        _analyzer = new QueryAnalyzer(index, options);
        if (vectors is not null && vectors.Count != index.Count)
        {
            throw new ArgumentException($"the vectors are for {vectors.Count} entries, the index has {index.Count}", nameof(vectors));
        }

        _vectors = options.Semantic != false ? vectors : null;
        var lexical = new Bm25CandidateRetriever(index, options);
        _retriever = retriever ?? (_vectors is null ? lexical : new FusedCandidateRetriever(lexical, new DenseCandidateRetriever(index, options), options));
        _reranker = new Reranker(index, options, new ConfidenceModel(options));
        _rules = rules ?? RankingRules.For(options);
        _nearDuplicates = new NearDuplicateFilter(options);
    }

    /// <summary>True when this searcher also retrieves by embeddings.</summary>
    public bool IsSemantic => _vectors is not null;

    /// <summary>The index searched.</summary>
    public SearchIndex Index { get; }

    /// <summary>
    /// Ranks candidate entries for <paramref name="query"/>, best first; near-duplicates are removed, and confidences
    /// never rise down the list (<see cref="ConfidenceInRankOrder"/>).
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var analysed = _analyzer.Analyse(query);
        if (!analysed.IsSearchable)
        {
            return [];
        }

        if (_vectors is not null)
        {
            analysed = analysed with { Dense = _vectors.Similarities(_vectors.Embed(query)) };
        }

        var candidates = _retriever.Retrieve(analysed);
        if (candidates.Count == 0)
        {
            return [];
        }

        var hits = _reranker.Rank(analysed, candidates);
        foreach (var rule in _rules)
        {
            rule.Apply(hits, analysed);
        }

        return ConfidenceInRankOrder.Apply(_nearDuplicates.Filter(hits));
    }

    /// <summary>
    /// The names of the conditions or drugs <paramref name="text"/> is mainly about, as the collection spells them
    /// (empty for collections that name no focus).
    /// </summary>
    public IReadOnlyList<string> FocusNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _analyzer.FocusNames(text);
    }

    /// <summary>True for a word written like an acronym: in capitals, or without vowels ("DVT", "nph"; not "Med").</summary>
    internal static bool LooksLikeAcronym(string written) => QueryFocusFinder.LooksLikeAcronym(written);
}
