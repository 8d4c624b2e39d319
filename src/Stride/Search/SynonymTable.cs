using Stride.Knowledge;

namespace Stride.Search;

/// <summary>
/// The synonym map, read from a Solr-format file (<c>bum, buttock, gluteal</c>: each term stands for every other;
/// <c>a, b =&gt; c</c>: a and b stand for c; <c>#</c> starts a comment), matched on stemmed words.
/// </summary>
/// <remarks>
/// Lucene's synonym filter matches words before stemming, so "cramping" would miss "cramp" and a group holding
/// a stop word ("pins and needles") needs special analysis. Matching stem sequences after Stride's own analysis
/// avoids both: every phrase is analysed exactly like the query, and the longest phrase wins.
/// </remarks>
public sealed class SynonymTable
{
    private readonly Dictionary<string, List<string[]>> _byPhrase;
    private readonly int _longest;

    private SynonymTable(Dictionary<string, List<string[]>> byPhrase)
    {
        _byPhrase = byPhrase;
        _longest = byPhrase.Count == 0 ? 0 : byPhrase.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>A table with no synonyms.</summary>
    public static SynonymTable Empty { get; } = new([]);

    /// <summary>Number of phrases that have synonyms.</summary>
    public int Count => _byPhrase.Count;

    /// <summary>Parses a synonym file; <paramref name="stems"/> analyses a phrase into stems (the index analysis).</summary>
    public static (SynonymTable? Table, ImportDiagnostic? Error) Parse(TextReader reader, string sourceName, Func<string, IReadOnlyList<string>> stems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(stems);
        var map = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var left = Phrases(arrow < 0 ? line : line[..arrow], stems);
            var right = arrow < 0 ? left : Phrases(line[(arrow + 2)..], stems);
            if (left.Count == 0 || right.Count == 0 || (arrow < 0 && left.Count < 2))
            {
                return (null, ImportDiagnostic.Error(sourceName, lineNumber, "a synonym line needs two or more comma-separated terms (or 'a, b => c')"));
            }

            foreach (var phrase in left)
            {
                var key = string.Join(' ', phrase);
                if (!map.TryGetValue(key, out var targets))
                {
                    map[key] = targets = [];
                }

                foreach (var target in right.Where(t => string.Join(' ', t) != key))
                {
                    if (!targets.Any(t => t.SequenceEqual(target)))
                    {
                        targets.Add(target);
                    }
                }
            }
        }

        return (new SynonymTable(map), null);
    }

    /// <summary>
    /// Finds synonym phrases in a sequence of stems, longest first; returns, per starting index, the synonym stems
    /// that stand for the phrase starting there.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Expand(IReadOnlyList<string> stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        var result = new Dictionary<int, IReadOnlyList<string>>();
        for (var i = 0; i < stems.Count;)
        {
            var (length, targets) = LongestPhraseAt(stems, i);
            if (length > 0)
            {
                result[i] = [.. targets.SelectMany(t => t).Distinct(StringComparer.Ordinal).Where(t => !stems.Skip(i).Take(length).Contains(t))];
            }

            i += Math.Max(1, length);
        }

        return result;
    }

    /// <summary>The longest synonym phrase starting at <paramref name="start"/> (length 0 when none) and what it may be replaced with.</summary>
    private (int Length, List<string[]> Targets) LongestPhraseAt(IReadOnlyList<string> stems, int start)
    {
        for (var length = Math.Min(_longest, stems.Count - start); length >= 1; length--)
        {
            if (_byPhrase.TryGetValue(string.Join(' ', stems.Skip(start).Take(length)), out var targets))
            {
                return (length, targets);
            }
        }

        return (0, []);
    }

    /// <summary>
    /// <paramref name="stems"/> with one synonym phrase swapped for each of its alternatives, every place and
    /// alternative in turn (at most <paramref name="limit"/>): "low blood sugar newborn" gives "hypoglycemia newborn"
    /// and "low blood sugar neonat". Used to know a name however people word it.
    /// </summary>
    public IEnumerable<IReadOnlyList<string>> Variants(IReadOnlyList<string> stems, int limit)
    {
        ArgumentNullException.ThrowIfNull(stems);
        var count = 0;
        for (var i = 0; i < stems.Count; i++)
        {
            var (length, targets) = LongestPhraseAt(stems, i);
            foreach (var target in targets)
            {
                if (count++ >= limit)
                {
                    yield break;
                }

                yield return [.. stems.Take(i), .. target, .. stems.Skip(i + length)];
            }
        }
    }

    private static List<string[]> Phrases(string text, Func<string, IReadOnlyList<string>> stems) =>
        [.. text.Split(',').Select(p => stems(p.Trim()).ToArray()).Where(p => p.Length > 0)];
}
