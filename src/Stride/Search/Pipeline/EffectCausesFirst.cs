namespace Stride.Search.Pipeline;

/// <summary>
/// "Can a tooth abscess cause a heart attack?" is answered by what causes heart attacks, however much more the
/// abscess's own pages share the message's rarer words: the best entry on the causes of an effect the message names
/// comes first.
/// </summary>
internal sealed class EffectCausesFirst : IRankingRule
{
    /// <inheritdoc />
    public void Apply(List<RankedHit> hits, AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WantedTypes.Count > 0)
        {
            HitOrder.MoveFirst(hits, hits.FindIndex(h => h.Hit.Entry.QuestionType == MedQuadSections.Causes && h.Hit.Entry.Focus is { } focus && query.Effects.Contains(focus)));
        }
    }
}
