namespace Stride.Search.Pipeline;

/// <summary>
/// Reciprocal-rank fusion of two retrievers (BM25 and dense): an entry scores
/// <c>1 / (k + rank)</c> in each list it is in (rank from 1), the dense list times
/// <see cref="SearchOptions.SemanticFusionWeight"/>. Ranks, not scores, are fused, because BM25's scale changes with
/// every query and cosine's does not. Thread-safe when both retrievers are.
/// </summary>
internal sealed class FusedCandidateRetriever : ICandidateRetriever
{
    private readonly ICandidateRetriever _lexical;
    private readonly ICandidateRetriever _dense;
    private readonly SearchOptions _options;

    /// <summary>Fuses <paramref name="lexical"/> and <paramref name="dense"/> with the constants of <paramref name="options"/>.</summary>
    public FusedCandidateRetriever(ICandidateRetriever lexical, ICandidateRetriever dense, SearchOptions options)
    {
        _lexical = lexical;
        _dense = dense;
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Retrieve(AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fused = new Dictionary<string, (Knowledge.KbEntry Entry, double Score, int First)>(StringComparer.Ordinal);
        Add(fused, _lexical.Retrieve(query), 1.0);
        Add(fused, _dense.Retrieve(query), _options.SemanticFusionWeight);
        return [.. fused.Values.OrderByDescending(f => f.Score).ThenBy(f => f.First)
            .Take(Math.Max(_options.CandidateCount, _options.SemanticCandidateCount))
            .Select(f => new Candidate(f.Entry, f.Score))];
    }

    private void Add(Dictionary<string, (Knowledge.KbEntry Entry, double Score, int First)> fused, IReadOnlyList<Candidate> ranked, double weight)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            var entry = ranked[i].Entry;
            var score = weight / (_options.SemanticFusionK + i + 1);
            fused[entry.Id] = fused.TryGetValue(entry.Id, out var seen)
                ? (entry, seen.Score + score, Math.Min(seen.First, i))
                : (entry, score, i);
        }
    }
}
