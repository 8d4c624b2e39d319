namespace Stride.Search.Semantic;

/// <summary>
/// What Stride ships in <c>kb/vectors</c> for its own KB: the vector of each entry's whole text only. A first start
/// reuses those rows (a cache matches rows by the hash of their text) and embeds just the passages, answer sentences
/// and alternates, into the user's cache; shipping them too would take a 4.5 MB file that every KB edit replaces in git.
/// </summary>
public static class ShippedVectors
{
    /// <summary>The plan of the shipped rows for a collection of <paramref name="entries"/> entries: whole texts, no passages.</summary>
    public static EntryTextPlan PlanFor(int entries, SearchOptions? options = null) =>
        (options ?? new SearchOptions()).TextPlanFor(entries) with { SentenceWeight = 0, AlternateWeight = 0 };
}
