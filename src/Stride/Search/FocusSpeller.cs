namespace Stride.Search;

/// <summary>
/// Spots misspelt focus names as typed: "fasiciitis" is a slip away from "fasciitis", though their stems are far
/// apart. Reads the words of the names in a <see cref="FocusNameMap"/>.
/// </summary>
internal sealed class FocusSpeller
{
    // A word of this many letters may be one slip from a name word, a longer one (see below) two; shorter words are
    // too often other words. Per index, not per search, so these are constants rather than SearchOptions.
    private const int MinLength = 5;
    private const int TwoSlipLength = 8;
    private const int MaxSpellings = 3;

    private readonly FocusNameMap _names;

    // Only words with the same first letter are compared: people rarely get the first letter wrong, and it cuts the
    // comparisons per word by an order of magnitude.
    private readonly Dictionary<char, (string Word, string Stem)[]> _byInitial;

    /// <summary>Spells the names in <paramref name="names"/>.</summary>
    public FocusSpeller(FocusNameMap names)
    {
        _names = names;
        _byInitial = names.WrittenWords.GroupBy(w => w.Key[0]).ToDictionary(g => g.Key, g => g.Select(w => (w.Key, w.Value)).ToArray());
    }

    /// <summary>
    /// The analysed forms of the words of focus names that <paramref name="word"/> (as typed, unstemmed) may be a
    /// misspelling of, nearest first: one edit for words of five to seven letters, two for longer ones. Stemming mangles typos
    /// ("fasiciitis" stems to "fasici", far from "fasciiti"), so names are matched as people spell them.
    /// </summary>
    public IReadOnlyList<string> Spellings(string word)
    {
        var typed = word.ToLowerInvariant();
        var maxEdits = typed.Length >= TwoSlipLength ? 2 : typed.Length >= MinLength ? 1 : 0;
        if (maxEdits == 0 || _names.WrittenWords.ContainsKey(typed) || !_byInitial.TryGetValue(typed[0], out var sameInitial))
        {
            return [];
        }

        return [.. sameInitial
            .Where(w => Math.Abs(w.Word.Length - typed.Length) <= maxEdits)
            .Select(w => (w.Stem, Distance: EditDistance.Compute(typed, w.Word, maxEdits)))
            .Where(w => w.Distance <= maxEdits)
            .OrderBy(w => w.Distance)
            .Select(w => w.Stem)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSpellings)];
    }
}
