namespace Stride.Search.Pipeline;

/// <summary>
/// When the condition or drug the best answer is about has no entry of the kind asked for among the candidates, the
/// best entry of that kind about a narrower form of it (a name that contains its whole name) comes first: "is rickets
/// inherited?" is better answered by "Is hereditary hypophosphatemic rickets inherited?" than by "What is rickets?".
/// </summary>
internal sealed class NarrowerFocusWithWantedType : IRankingRule
{
    /// <inheritdoc />
    public void Apply(List<RankedHit> hits, AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(query);
        if (query.WantedTypes.Count == 0 || hits.Count == 0 || hits[0].Hit.Entry.Focus is not { } top || hits[0].Terms.FocusNames is not [var name, ..] || name.Count == 0
            || hits.Any(h => query.Wants(h.Hit.Entry) && string.Equals(h.Hit.Entry.Focus, top, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        HitOrder.MoveFirst(hits, hits.FindIndex(h => query.Wants(h.Hit.Entry) && !string.Equals(h.Hit.Entry.Focus, top, StringComparison.OrdinalIgnoreCase)
            && h.Terms.FocusNames.Any(name.IsSubsetOf)));
    }
}
