using System.Buffers;
using System.Text;
using Stride.Knowledge;

namespace Stride.Search;

/// <summary>One autocomplete suggestion: a stored question or one of its alternates, and the entry it belongs to.</summary>
/// <param name="Text">The question or alternate exactly as stored.</param>
/// <param name="EntryId">The entry whose question or alternate this is.</param>
/// <param name="IsAlternate">True for an alternate wording, false for the entry's own question.</param>
public sealed record Suggestion(string Text, string EntryId, bool IsAlternate);

/// <summary>
/// Autocomplete over the stored questions and alternates of a knowledge base, built once per snapshot and immutable
/// (thread-safe). Text is split into lowercase words; every word typed must match a word of the suggestion: the last
/// word (still being typed) as a prefix, the others whole or as a prefix ("walk" finds "walking"). A word no stored
/// text has (as typed, or as a prefix while typing) may have one typo (two for words of 8+ letters) once it has 3
/// letters (4 for whole words; the first letter must be right).
/// A word index (sorted vocabulary with posting lists) keeps each keystroke well under a millisecond on Stride's own KB.
/// </summary>
public sealed class QuestionSuggester
{
    /// <summary>The longest prefix accepted, in characters.</summary>
    public const int MaxPrefixLength = 200;

    /// <summary>The most suggestions one call returns.</summary>
    public const int MaxLimit = 20;

    /// <summary>At most this many words of a prefix are matched (the last ones typed).</summary>
    private const int MaxWords = 12;

    private const int ExactScore = 4;
    private const int PrefixScore = 3;
    private const int TypoScore = 1;
    private const int StartsWithBonus = 6;

    private readonly Suggestion[] _texts;
    private readonly string[] _normalised;
    private readonly string[] _vocabulary;
    private readonly int[][] _postings;

    /// <summary>Indexes the questions and alternates of <paramref name="entries"/>; junk entries are left out.</summary>
    public QuestionSuggester(IEnumerable<KbEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var texts = new List<Suggestion>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.Where(e => !e.IsJunk))
        {
            foreach (var (text, alternate) in entry.Alternates.Select(a => (a, true)).Prepend((entry.Question, false)))
            {
                if (!string.IsNullOrWhiteSpace(text) && seen.Add($"{entry.Id}\u0001{text.Trim()}"))
                {
                    texts.Add(new Suggestion(text.Trim(), entry.Id, alternate));
                }
            }
        }

        _texts = [.. texts];
        _normalised = new string[_texts.Length];
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _texts.Length; i++)
        {
            var words = Words(_texts[i].Text);
            _normalised[i] = string.Join(' ', words);
            foreach (var word in words.Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings[word] = list = [];
                }

                list.Add(i);
            }
        }

        _vocabulary = [.. postings.Keys.Order(StringComparer.Ordinal)];
        _postings = [.. _vocabulary.Select(w => postings[w].ToArray())];
    }

    /// <summary>How many questions and alternates can be suggested.</summary>
    public int Count => _texts.Length;

    /// <summary>
    /// Up to <paramref name="limit"/> suggestions for what has been typed so far, best first, at most one per entry.
    /// Empty when nothing matches or <paramref name="prefix"/> has no words.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit = 8)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var words = Words(prefix.Length > MaxPrefixLength ? prefix[..MaxPrefixLength] : prefix);
        if (words.Count == 0 || _texts.Length == 0)
        {
            return [];
        }

        // A prefix that ends inside a word is still being typed: its last word is matched as a prefix only.
        var lastIsPartial = char.IsLetterOrDigit(prefix[^1]);
        if (words.Count > MaxWords)
        {
            words = words.GetRange(words.Count - MaxWords, MaxWords);
        }

        var scores = ArrayPool<int>.Shared.Rent(_texts.Length);
        var matched = ArrayPool<int>.Shared.Rent(_texts.Length);
        var lastWord = ArrayPool<int>.Shared.Rent(_texts.Length);
        var touched = new List<int>();
        Array.Clear(scores, 0, _texts.Length);
        Array.Clear(matched, 0, _texts.Length);
        Array.Fill(lastWord, -1, 0, _texts.Length);
        try
        {
            for (var w = 0; w < words.Count; w++)
            {
                var partial = lastIsPartial && w == words.Count - 1;
                foreach (var (vocab, score) in Matches(words[w], partial))
                {
                    foreach (var t in _postings[vocab])
                    {
                        if (lastWord[t] == -1)
                        {
                            touched.Add(t);
                        }

                        // Matches come best first, so the first one of each word for a text is its best.
                        if (lastWord[t] != w)
                        {
                            lastWord[t] = w;
                            matched[t]++;
                            scores[t] += score;
                        }
                    }
                }
            }

            // Every word must match; with three or more words one may be missing (a word no question uses).
            var best = touched.Count == 0 ? 0 : touched.Max(t => matched[t]);
            var needed = words.Count >= 3 ? words.Count - 1 : words.Count;
            if (best < needed)
            {
                return [];
            }

            var typed = string.Join(' ', words);
            var ranked = touched
                .Where(t => matched[t] == best)
                .Select(t => (Text: t, Score: scores[t] + (_normalised[t].StartsWith(typed, StringComparison.Ordinal) ? StartsWithBonus : 0)))
                .OrderByDescending(c => c.Score)
                .ThenBy(c => _texts[c.Text].IsAlternate)
                .ThenBy(c => _texts[c.Text].Text.Length)
                .ThenBy(c => _texts[c.Text].Text, StringComparer.Ordinal);
            var entries = new HashSet<string>(StringComparer.Ordinal);
            var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = new List<Suggestion>(limit);
            foreach (var (t, _) in ranked)
            {
                var suggestion = _texts[t];
                if (entries.Add(suggestion.EntryId) && shown.Add(suggestion.Text) && result.Count < limit)
                {
                    result.Add(suggestion);
                }

                if (result.Count == limit)
                {
                    break;
                }
            }

            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(matched);
            ArrayPool<int>.Shared.Return(lastWord);
        }
    }

    /// <summary>Vocabulary words that match <paramref name="word"/>, with their score, best first.</summary>
    private List<(int Vocab, int Score)> Matches(string word, bool partial)
    {
        var found = new Dictionary<int, int>();
        void Add(int vocab, int score)
        {
            if (!found.TryGetValue(vocab, out var old) || old < score)
            {
                found[vocab] = score;
            }
        }

        // Exact word, and every word that starts with it.
        var (from, to) = PrefixRange(word);
        for (var v = from; v < to; v++)
        {
            Add(v, _vocabulary[v].Length == word.Length ? ExactScore : PrefixScore);
        }

        // One typo (two for long words), never in the first letter: compared with the whole word, or for a word still
        // being typed with the vocabulary word's first letters (one more or fewer, for a missed or doubled letter).
        // Only for words the vocabulary does not have (as typed, or as a prefix while typing): a word spelt right is
        // taken as meant, which also keeps each keystroke cheap.
        var minLength = partial ? 3 : 4;
        var known = partial ? to > from : found.ContainsValue(ExactScore);
        if (word.Length >= minLength && !known)
        {
            var maxEdits = word.Length >= 8 ? 2 : 1;
            var (start, end) = PrefixRange(word[..1]);
            for (var v = start; v < end; v++)
            {
                if (found.ContainsKey(v))
                {
                    continue;
                }

                var candidate = _vocabulary[v];
                if (partial)
                {
                    for (var length = word.Length - 1; length <= word.Length + 1; length++)
                    {
                        if (length <= candidate.Length && length >= 2 && EditDistance.Within(word, candidate[..length], maxEdits))
                        {
                            Add(v, TypoScore);
                            break;
                        }
                    }
                }
                else if (EditDistance.Within(word, candidate, maxEdits))
                {
                    Add(v, TypoScore);
                }
            }
        }

        return [.. found.Select(kv => (kv.Key, kv.Value)).OrderByDescending(m => m.Value)];
    }

    /// <summary>The range of vocabulary words starting with <paramref name="prefix"/> (the vocabulary is sorted).</summary>
    private (int From, int To) PrefixRange(string prefix)
    {
        var from = LowerBound(prefix);
        var to = from;
        while (to < _vocabulary.Length && _vocabulary[to].StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    private int LowerBound(string value)
    {
        int lo = 0, hi = _vocabulary.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_vocabulary[mid], value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The lowercase words of <paramref name="text"/>: runs of letters and digits; apostrophes inside a word are
    /// dropped ("can't" is "cant"), everything else separates words.
    /// </summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if ((c is '\'' or '\u2019') && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "can't", "doctor's": one word.
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
