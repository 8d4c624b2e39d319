namespace Stride.Search;

/// <summary>Edit distance with swaps of neighbouring letters (optimal string alignment), for spotting typos.</summary>
internal static class EditDistance
{
    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> in at most <paramref name="max"/> edits.</summary>
    public static bool Within(string a, string b, int max) => Compute(a, b, max) <= max;

    /// <summary>
    /// The number of edits that turn <paramref name="a"/> into <paramref name="b"/>, or <c>max + 1</c> as soon as it is
    /// clear there are more than <paramref name="max"/>.
    /// </summary>
    public static int Compute(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Three rows suffice: the current one, the one above, and the one above that for swaps.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (before, previous, current) = (previous, current, before);
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
