namespace Stride.Search;

/// <summary>
/// Finds the conditions and drugs a question names, however people write them: misspelt (the caller offers
/// corrections), split in two, with the first words left out, or as an acronym (the names in <see cref="FocusNameMap"/>).
/// </summary>
internal sealed class FocusDetector
{
    private readonly FocusNameMap _names;
    private readonly TextAnalysis _analysis;
    private readonly Func<string, double> _idf;

    /// <summary>Looks for <paramref name="names"/>; <paramref name="idf"/> weighs the words that name one.</summary>
    public FocusDetector(FocusNameMap names, TextAnalysis analysis, Func<string, double> idf)
    {
        _names = names;
        _analysis = analysis;
        _idf = idf;
    }

    /// <summary>
    /// The focuses (conditions, drugs) a question names, each with a strength in 0..1: the idf weight of the words
    /// that named it, relative to the most specific focus found. "noonan syndrome" outweighs "pain".
    /// </summary>
    /// <param name="positions">
    /// The question's analysed words in order; each position lists the index words that may stand there: the typed
    /// word first, then its typo corrections when it is a rare word ("fasiciitis" may be "fasciitis").
    /// </param>
    /// <param name="specificWeight">
    /// The idf weight at which a name counts fully; a name of less weight counts in proportion, however it compares with
    /// the others found: "Medicines" or "Invasive" alone hardly says what a message is about. 0 leaves strengths relative.
    /// </param>
    /// <remarks>
    /// Two neighbouring words also count as one when their join is a focus word: people write "rib cage pain" for
    /// "ribcage pain" and "heart burn" for "heartburn".
    /// </remarks>
    public Dictionary<string, double> Detect(IReadOnlyList<IReadOnlyList<string>> positions, double specificWeight = 0)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_names.IsEmpty)
        {
            return found;
        }

        // Each pair of neighbours joined into one word, analysed once: "rib" + "cage" is "ribcag".
        var joins = new string?[positions.Count];
        for (var i = 0; i + 1 < positions.Count; i++)
        {
            if (positions[i].Count > 0 && positions[i + 1].Count > 0 && _analysis.Terms(positions[i][0] + positions[i + 1][0]) is [var joined]
                && _names.IsNameWord(joined))
            {
                joins[i] = joined;
            }
        }

        for (var i = 0; i < positions.Count; i++)
        {
            // The longest name starting here wins, as a reader would take "sleep apnea" over "sleep".
            (int Length, string Key, double Weight) best = (0, string.Empty, 0);
            Walk(positions, joins, i, string.Empty, 0, 0, ref best);
            if (best.Length > 0)
            {
                foreach (var focus in _names.FocusesNamed(best.Key))
                {
                    found[focus] = Math.Max(found.GetValueOrDefault(focus), best.Weight);
                }
            }
        }

        var max = found.Count == 0 ? 1 : found.Values.Max();
        foreach (var key in found.Keys.ToList())
        {
            found[key] = found[key] / max * (specificWeight > 0 ? Math.Min(1, found[key] / specificWeight) : 1);
        }

        return found;
    }

    /// <summary>Extends a partial focus name word by word while some focus name still starts with it.</summary>
    private void Walk(IReadOnlyList<IReadOnlyList<string>> positions, string?[] joins, int next, string key, int length, double weight, ref (int Length, string Key, double Weight) best)
    {
        if (length > 0 && _names.IsName(key) && length > best.Length)
        {
            best = (length, key, weight);
        }

        if (next >= positions.Count)
        {
            return;
        }

        foreach (var word in positions[next])
        {
            var extended = length == 0 ? word : key + " " + word;
            if (_names.IsPrefix(extended))
            {
                Walk(positions, joins, next + 1, extended, length + 1, weight + _idf(word), ref best);
            }
        }

        if (joins[next] is { } joined)
        {
            var extended = length == 0 ? joined : key + " " + joined;
            if (_names.IsPrefix(extended))
            {
                Walk(positions, joins, next + 2, extended, length + 2, weight + _idf(joined), ref best);
            }
        }
    }
}
