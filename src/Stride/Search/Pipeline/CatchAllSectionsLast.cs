namespace Stride.Search.Pipeline;

/// <summary>
/// Catch-all sections ("What other information should I know about X?") share words with any message about X but
/// answer no question in particular, so they follow the other sections about X unless the message asks for them.
/// </summary>
internal sealed class CatchAllSectionsLast : IRankingRule
{
    private readonly IReadOnlyList<string> _catchAllTypes;

    /// <summary>Puts sections of <paramref name="catchAllTypes"/> (MedQuAD question types) last within their focus.</summary>
    public CatchAllSectionsLast(IReadOnlyList<string> catchAllTypes) => _catchAllTypes = catchAllTypes;

    /// <inheritdoc />
    public void Apply(List<RankedHit> hits, AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        HitOrder.FirstWithinFocus(hits, e => e.QuestionType is not { } type || !_catchAllTypes.Contains(type) || query.WantedTypes.Contains(type));
    }
}
