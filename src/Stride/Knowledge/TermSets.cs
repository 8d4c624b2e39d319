namespace Stride.Knowledge;

/// <summary>Set similarity used to spot near-duplicate entries (lint) and near-duplicate answers (search).</summary>
internal static class TermSets
{
    /// <summary>
    /// Whether the Jaccard similarity of two word sets (shared words over all words; 0 when either is empty) reaches
    /// <paramref name="threshold"/>, the same answer as computing it in full, without counting every shared word:
    /// the search compares each hit with every hit kept before it, so this runs thousands of times per question.
    /// Sets whose sizes alone rule the threshold out are not read at all, and the count stops as soon as the answer is
    /// certain either way.
    /// </summary>
    public static bool AtLeast(HashSet<string> a, HashSet<string> b, double threshold)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0 >= threshold;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var total = small.Count + large.Count;

        // Jaccard rises with the number of shared words, so each bound below decides as the full count would.
        static double Similarity(int shared, int total) => (double)shared / (total - shared);
        if (Similarity(small.Count, total) < threshold)
        {
            return false;
        }

        var shared = 0;
        var remaining = small.Count;
        foreach (var word in small)
        {
            remaining--;
            if (large.Contains(word))
            {
                shared++;
                if (Similarity(shared, total) >= threshold)
                {
                    return true;
                }
            }
            else if (Similarity(shared + remaining, total) < threshold)
            {
                return false;
            }
        }

        return Similarity(shared, total) >= threshold;
    }
}
