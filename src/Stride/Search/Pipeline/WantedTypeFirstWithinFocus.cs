namespace Stride.Search.Pipeline;

/// <summary>
/// Which condition a message is about is decided by the whole score, but which of its sections answers is decided by
/// the kind of answer asked for: "how do I prevent shingles" wants "How to prevent Shingles" first among the entries
/// about shingles, in the places they already hold.
/// </summary>
internal sealed class WantedTypeFirstWithinFocus : IRankingRule
{
    /// <inheritdoc />
    public void Apply(List<RankedHit> hits, AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WantedTypes.Count > 0)
        {
            HitOrder.FirstWithinFocus(hits, query.Wants);
        }
    }
}
