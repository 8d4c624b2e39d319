using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace Stride.Search;

/// <summary>The analysed words of one text, with their idf norm.</summary>
internal sealed record TextTerms(HashSet<string> Terms, double Norm);

/// <summary>The analysed words of one entry: its question and alternates, its answer, and everything.</summary>
internal sealed record EntryTerms(TextTerms[] Questions, HashSet<string> Answer, HashSet<string> All);

/// <summary>
/// Word statistics of one index that every searcher over it shares: smoothed idf, the analysed words of each entry,
/// and the focus names (conditions, drugs) to look for in questions. An index never changes, so nothing goes stale;
/// the caches fill as queries come in.
/// </summary>
internal sealed class IndexVocabulary
{
    private readonly SearchIndex _index;
    private readonly int _documentCount;
    private readonly EntryTerms?[] _entryTerms;
    private readonly ConcurrentDictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _focusByStems;
    private readonly int _longestFocus;

    public IndexVocabulary(SearchIndex index)
    {
        _index = index;
        _documentCount = Math.Max(1, index.Reader.NumDocs);
        _entryTerms = new EntryTerms?[index.Reader.MaxDoc];
        MaxIdf = Idf("\u0001never-a-term");
        _focusByStems = BuildFocusMap(index);
        _longestFocus = _focusByStems.Count == 0 ? 0 : _focusByStems.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>The idf of a word no entry uses: the largest there is.</summary>
    public double MaxIdf { get; }

    /// <summary>
    /// Smoothed idf, <c>ln(1 + (N + 1) / (df + 0.5))</c>: a word every entry uses still weighs a little, so on a page
    /// where every answer is about back pain, "back pain" still makes "What is low back pain?" the best match.
    /// </summary>
    public double Idf(string term) => _idf.GetOrAdd(term, t =>
        Math.Log(1 + ((_documentCount + 1) / (_index.Reader.DocFreq(new Term(IndexFields.All, t)) + 0.5))));

    /// <summary>The analysed words of the entry in Lucene document <paramref name="doc"/>, analysed once.</summary>
    public EntryTerms TermsOf(int doc)
    {
        if (_entryTerms[doc] is { } cached)
        {
            return cached;
        }

        var entry = _index.EntryAt(doc);
        var questions = entry.Alternates.Prepend(entry.Question).Select(text =>
        {
            var set = _index.Analysis.Terms(text).ToHashSet(StringComparer.Ordinal);
            return new TextTerms(set, Math.Sqrt(set.Sum(t => Idf(t) * Idf(t))));
        }).ToArray();
        var answer = _index.Analysis.Terms(entry.Answer).ToHashSet(StringComparer.Ordinal);
        var all = new HashSet<string>(answer, StringComparer.Ordinal);
        foreach (var q in questions)
        {
            all.UnionWith(q.Terms);
        }

        foreach (var name in entry.FocusSynonyms.Prepend(entry.Focus ?? string.Empty))
        {
            all.UnionWith(_index.Analysis.Terms(name));
        }

        // Benign race: two threads may analyse the same entry; both results are equal.
        return _entryTerms[doc] = new EntryTerms(questions, answer, all);
    }

    /// <summary>
    /// The focuses (conditions, drugs) a question names, each with a strength in 0..1: the idf weight of the words
    /// that named it, relative to the most specific focus found. "noonan syndrome" outweighs "pain".
    /// </summary>
    public Dictionary<string, double> DetectFocuses(string query)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        if (_focusByStems.Count == 0)
        {
            return found;
        }

        var stems = _index.Analysis.Terms(query);
        for (var i = 0; i < stems.Count; i++)
        {
            for (var length = Math.Min(_longestFocus, stems.Count - i); length >= 1; length--)
            {
                var words = stems.Skip(i).Take(length).ToList();
                if (_focusByStems.TryGetValue(string.Join(' ', words), out var focuses))
                {
                    var weight = words.Sum(Idf);
                    foreach (var focus in focuses)
                    {
                        found[focus] = Math.Max(found.GetValueOrDefault(focus), weight);
                    }

                    break;
                }
            }
        }

        var max = found.Count == 0 ? 1 : found.Values.Max();
        foreach (var key in found.Keys.ToList())
        {
            found[key] /= max;
        }

        return found;
    }

    /// <summary>Every focus name and synonym, as analysed words, with the focus it names.</summary>
    private static Dictionary<string, HashSet<string>> BuildFocusMap(SearchIndex index)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in index.KnowledgeBase.Entries.Where(e => e.Focus is not null).DistinctBy(e => e.Focus))
        {
            foreach (var name in entry.FocusSynonyms.Prepend(entry.Focus!))
            {
                var key = string.Join(' ', index.Analysis.Terms(name));
                if (key.Length > 0)
                {
                    if (!map.TryGetValue(key, out var set))
                    {
                        map[key] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(entry.Focus!);
                }
            }
        }

        return map;
    }
}
