namespace Stride.Search.Pipeline;

/// <summary>The two moves ranking rules make: preferring some hits within their condition or drug, and promoting one.</summary>
internal static class HitOrder
{
    /// <summary>
    /// Within the hits about one condition or drug, those <paramref name="preferred"/> accepts take the places the
    /// group already holds, keeping their order; the others follow in theirs. Other hits do not move.
    /// </summary>
    public static void FirstWithinFocus(List<RankedHit> hits, Func<Stride.Knowledge.KbEntry, bool> preferred)
    {
        foreach (var group in Enumerable.Range(0, hits.Count).Where(i => hits[i].Hit.Entry.Focus is not null)
            .GroupBy(i => hits[i].Hit.Entry.Focus!, StringComparer.OrdinalIgnoreCase))
        {
            var places = group.ToList();
            var reordered = places.Select(i => hits[i])
                .OrderBy(h => preferred(h.Hit.Entry) ? 0 : 1)
                .ToList();
            for (var k = 0; k < places.Count; k++)
            {
                hits[places[k]] = reordered[k];
            }
        }
    }

    /// <summary>Moves the hit at <paramref name="index"/> to the top (nothing for -1 or 0).</summary>
    public static void MoveFirst(List<RankedHit> hits, int index)
    {
        if (index > 0)
        {
            var moved = hits[index];
            hits.RemoveAt(index);
            hits.Insert(0, moved);
        }
    }
}
