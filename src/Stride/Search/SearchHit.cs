using Stride.Knowledge;

namespace Stride.Search;

/// <summary>One ranked entry for a query, with the evidence behind its rank.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Score">The reranking score the list is ordered by (only comparable within one query).</param>
/// <param name="Bm25">Lucene's BM25 score of the entry for the query.</param>
/// <param name="QuestionSimilarity">Best idf-weighted cosine between the query and the entry's question or an alternate, 0..1.</param>
/// <param name="Coverage">Share of the query's (idf-weighted) words the entry contains, 0..1.</param>
/// <param name="Evidence">Idf weight of the query words the entry matches, scaled to 0..1 (see <see cref="SearchOptions.EvidenceWords"/>).</param>
/// <param name="Confidence">Probability-like confidence, 0..1, comparable across queries.</param>
/// <param name="DenseSimilarity">Embedding similarity (cosine) of query and entry; null when semantic search is off.</param>
public sealed record SearchHit(KbEntry Entry, double Score, double Bm25, double QuestionSimilarity, double Coverage, double Evidence, double Confidence,
    double? DenseSimilarity = null);
