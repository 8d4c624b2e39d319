using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Stride.Search.Pipeline;

/// <summary>
/// Index words within one or two edits of a word nobody or almost nobody uses (a typo). Reads the index only, so one
/// instance serves any number of concurrent queries.
/// </summary>
/// <remarks>
/// Each lookup builds Lucene's Levenshtein automata for the word, which costs far more than the rest of a query's
/// analysis (hundreds of kilobytes of garbage per word), and people misspell the same words again and again, so
/// answers are remembered for the life of the index (one instance per loaded index: a reload starts afresh), up to a
/// bound that keeps memory flat whatever is typed.
/// </remarks>
internal sealed class IndexTermCorrector
{
    // Lucene's fuzzy rewrite keeps the best few; a longer word may be two edits off, a short one only one (two edits
    // would turn most short words into others). The first letter is rarely the one mistyped.
    private const int LongWordLength = 7;
    private const int MaxCorrections = 3;
    private const int SamePrefixLength = 1;
    private const int MaxRemembered = 50_000;

    private readonly SearchIndex _index;
    private readonly ConcurrentDictionary<string, string[]> _remembered = new(StringComparer.Ordinal);

    /// <summary>Corrects words against the words of <paramref name="index"/>.</summary>
    public IndexTermCorrector(SearchIndex index) => _index = index;

    /// <summary>The index words <paramref name="term"/> may be a typo of (itself excluded), best first.</summary>
    public List<string> Corrections(string term)
    {
        if (!_remembered.TryGetValue(term, out var corrections))
        {
            corrections = LookUp(term);
            if (_remembered.Count < MaxRemembered)
            {
                _remembered.TryAdd(term, corrections);
            }
        }

        // A copy: callers own the list they get.
        return [.. corrections];
    }

    private string[] LookUp(string term)
    {
        var maxEdits = term.Length >= LongWordLength ? 2 : 1;
        var fuzzy = new FuzzyQuery(new Term(IndexFields.All, term), maxEdits, prefixLength: SamePrefixLength, maxExpansions: MaxCorrections, transpositions: true);
        var rewritten = fuzzy.Rewrite(_index.Reader);
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        return [.. terms.Select(t => t.Text).Where(t => t != term).Distinct(StringComparer.Ordinal)];
    }
}
