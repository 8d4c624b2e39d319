namespace Stride.Search.Pipeline;

/// <summary>
/// The entries whose embeddings are nearest the message's (exact cosine over every entry, computed once per query
/// in <see cref="AnalysedQuery.Dense"/>). Finds paraphrases that share no word with the entry. Thread-safe.
/// </summary>
internal sealed class DenseCandidateRetriever : ICandidateRetriever
{
    private readonly SearchIndex _index;
    private readonly SearchOptions _options;

    /// <summary>Retrieves from <paramref name="index"/>, at most <see cref="SearchOptions.SemanticCandidateCount"/> entries.</summary>
    public DenseCandidateRetriever(SearchIndex index, SearchOptions options)
    {
        _index = index;
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Retrieve(AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Dense is not { } dense)
        {
            return [];
        }

        return [.. Semantic.EntryVectors.Nearest(dense, _options.SemanticCandidateCount)
            .Select(doc => new Candidate(_index.EntryAt(doc), dense[doc]))];
    }
}
