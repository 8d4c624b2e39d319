namespace Stride.Search.Pipeline;

/// <summary>
/// The typo corrections one query has looked up, so that each word is corrected once however many steps ask (focus
/// lookup, word weighting, the topic line, the effect named). One instance per query: not shared between threads.
/// </summary>
/// <remarks>
/// Focus lookup asks first and its answer also holds the focus names the word as typed is a slip away from; later
/// steps reuse that answer, so a misspelt name is corrected to the name everywhere.
/// </remarks>
internal sealed class QueryCorrections
{
    private readonly IndexTermCorrector _corrector;
    private readonly FocusSpeller _speller;
    private readonly Dictionary<string, List<string>> _byTerm = new(StringComparer.Ordinal);

    /// <summary>Starts an empty set of corrections for one query.</summary>
    public QueryCorrections(IndexTermCorrector corrector, FocusSpeller speller)
    {
        _corrector = corrector;
        _speller = speller;
    }

    /// <summary>Corrections of the stem, and the focus-name words the word as written is a slip away from.</summary>
    public List<string> ForFocusLookup(string stem, string written)
    {
        if (!_byTerm.TryGetValue(stem, out var fixes))
        {
            fixes = [.. _corrector.Corrections(stem).Union(_speller.Spellings(written), StringComparer.Ordinal)];
            _byTerm[stem] = fixes;
        }

        return fixes;
    }

    /// <summary>Corrections of <paramref name="term"/> (or what focus lookup already found for it).</summary>
    public List<string> ForWord(string term)
    {
        if (!_byTerm.TryGetValue(term, out var corrected))
        {
            _byTerm[term] = corrected = _corrector.Corrections(term);
        }

        return corrected;
    }

    /// <summary>What has been looked up for <paramref name="term"/> so far, if anything.</summary>
    public bool TryGet(string term, out List<string> corrections) => _byTerm.TryGetValue(term, out corrections!);
}
