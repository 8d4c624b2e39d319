namespace Stride.Search.Pipeline;

/// <summary>A reranked candidate: the hit returned to callers, and the entry's analysed words the later steps read.</summary>
/// <param name="Hit">The hit with its score and confidence.</param>
/// <param name="Terms">The analysed words of the hit's entry.</param>
internal sealed record RankedHit(SearchHit Hit, EntryTerms Terms);
