namespace Stride.Search.Pipeline;

/// <summary>
/// One reordering of the reranked hits that a weighted score cannot express ("the section of the kind asked for comes
/// first within its condition"). Rules run in order after the <see cref="Reranker"/>; each is a small stateless class,
/// so removing one from the list is the ablation of that rule.
/// </summary>
internal interface IRankingRule
{
    /// <summary>Reorders <paramref name="hits"/> (best first) in place for <paramref name="query"/>.</summary>
    void Apply(List<RankedHit> hits, AnalysedQuery query);
}
