namespace Stride.Knowledge;

/// <summary>Set similarity used to spot near-duplicate entries (lint) and near-duplicate answers (search).</summary>
internal static class TermSets
{
    /// <summary>Jaccard similarity of two word sets: shared words over all words; 0 when either is empty.</summary>
    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var intersection = a.Count(b.Contains);
        return (double)intersection / (a.Count + b.Count - intersection);
    }
}
