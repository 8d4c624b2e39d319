namespace Stride.Search.Pipeline;

/// <summary>The ranking rules a set of options turns on, in the order they run.</summary>
internal static class RankingRules
{
    /// <summary>
    /// Catch-all sections last (unless <see cref="SearchOptions.CatchAllTypes"/> is empty); then, with
    /// <see cref="SearchOptions.WantedTypeFirstWithinFocus"/>, the kind asked for first within each condition, the
    /// causes of a named effect first (with <see cref="SearchOptions.CauseNamesEffect"/>) and a narrower form with the
    /// kind asked for (with <see cref="SearchOptions.NarrowerFocusForWantedType"/>). A switch turned off is the
    /// pipeline without that rule.
    /// </summary>
    public static IReadOnlyList<IRankingRule> For(SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new List<IRankingRule>();
        if (options.CatchAllTypes.Count > 0)
        {
            rules.Add(new CatchAllSectionsLast(options.CatchAllTypes));
        }

        // The later rules refine the order the kind of answer gives, so they go with it.
        if (options.WantedTypeFirstWithinFocus)
        {
            rules.Add(new WantedTypeFirstWithinFocus());
            if (options.CauseNamesEffect)
            {
                rules.Add(new EffectCausesFirst());
            }

            if (options.NarrowerFocusForWantedType)
            {
                rules.Add(new NarrowerFocusWithWantedType());
            }
        }

        return rules;
    }
}
