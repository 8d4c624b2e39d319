using System.Collections.Concurrent;
using Lucene.Net.Index;
using Stride.Knowledge;

namespace Stride.Search;

/// <summary>The analysed words of one text, with their idf norm.</summary>
internal sealed record TextTerms(HashSet<string> Terms, double Norm);

/// <summary>The analysed words of one entry: its question and alternates, its answer, the names of its focus, and everything.</summary>
internal sealed record EntryTerms(TextTerms[] Questions, HashSet<string> Answer, HashSet<string>[] FocusNames, HashSet<string> All);

/// <summary>
/// Word statistics of one index that every searcher over it shares: smoothed idf, the analysed words of each entry,
/// and the focus names (conditions, drugs) to look for in questions (<see cref="FocusNameMap"/>). An index never changes, so nothing goes stale;
/// the caches fill as queries come in.
/// </summary>
internal sealed class IndexVocabulary
{
    private readonly SearchIndex _index;
    private readonly int _documentCount;
    private readonly EntryTerms?[] _entryTerms;
    private readonly ConcurrentDictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);

    public IndexVocabulary(SearchIndex index)
    {
        _index = index;
        _documentCount = Math.Max(1, index.Reader.NumDocs);
        _entryTerms = new EntryTerms?[index.Reader.MaxDoc];
        MaxIdf = Idf("\u0001never-a-term");
        // A saved index brings its focus names along (IndexLoadData); an index built in memory derives them here.
        FocusNames = index.SavedFocusNames ?? FocusNameMapBuilder.Build(index);
        FocusDetector = new FocusDetector(FocusNames, index.Analysis, Idf);
        FocusSpeller = new FocusSpeller(FocusNames);
    }

    /// <summary>The condition and drug names of the index.</summary>
    public FocusNameMap FocusNames { get; }

    /// <summary>Finds those names in questions.</summary>
    public FocusDetector FocusDetector { get; }

    /// <summary>Spots misspelt names.</summary>
    public FocusSpeller FocusSpeller { get; }

    /// <summary>The idf of a word no entry uses: the largest there is.</summary>
    public double MaxIdf { get; }

    /// <summary>
    /// Smoothed idf, <c>ln(1 + (N + 1) / (df + 0.5))</c>: a word every entry uses still weighs a little, so on a page
    /// where every answer is about back pain, "back pain" still makes "What is low back pain?" the best match.
    /// </summary>
    public double Idf(string term) => Math.Log(1 + ((_documentCount + 1) / (DocumentFrequency(term) + 0.5)));

    /// <summary>
    /// How many entries use <paramref name="term"/>, looked up once per index word: every query asks this of each of its
    /// words several times.
    /// </summary>
    /// <remarks>
    /// Only words the index holds are cached, so the cache is bounded by the index vocabulary however many made-up or
    /// misspelt words people type; a word the index lacks costs one term-dictionary lookup each time.
    /// </remarks>
    public int DocumentFrequency(string term)
    {
        if (_documentFrequency.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var frequency = _index.Reader.DocFreq(new Term(IndexFields.All, term));
        if (frequency > 0)
        {
            _documentFrequency.TryAdd(term, frequency);
        }

        return frequency;
    }

    /// <summary>How many words the document-frequency cache holds (for tests of its bound).</summary>
    internal int CachedDocumentFrequencies => _documentFrequency.Count;

    /// <summary>The analysed words of <paramref name="entry"/> (an entry of this index), analysed once.</summary>
    public EntryTerms TermsOf(KbEntry entry) => TermsOf(_index.DocOf(entry.Id));

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

        var focusNames = (entry.Focus is null ? [] : entry.FocusSynonyms.Prepend(entry.Focus))
            .Select(name => _index.Analysis.Terms(name).ToHashSet(StringComparer.Ordinal))
            .Where(terms => terms.Count > 0)
            .ToArray();
        foreach (var name in focusNames)
        {
            all.UnionWith(name);
        }

        // Benign race: two threads may analyse the same entry; both results are equal.
        return _entryTerms[doc] = new EntryTerms(questions, answer, focusNames, all);
    }
}
