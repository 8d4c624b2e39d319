using Stride.Knowledge;

namespace Stride.Search.Pipeline;

/// <summary>An entry a retriever proposes for a query, with the retriever's own score (only comparable within one query).</summary>
/// <param name="Entry">The entry; its id is the candidate's key, whatever index the retriever reads.</param>
/// <param name="Score">The retriever's score, higher is better.</param>
internal sealed record Candidate(KbEntry Entry, double Score);

/// <summary>
/// The first stage of search: the entries worth reranking for a query, best first. Candidates are entries, not
/// positions in one index, so a dense or fused retriever can take the place of BM25.
/// </summary>
internal interface ICandidateRetriever
{
    /// <summary>The candidates for <paramref name="query"/>, best first; empty when nothing matches.</summary>
    IReadOnlyList<Candidate> Retrieve(AnalysedQuery query);
}
