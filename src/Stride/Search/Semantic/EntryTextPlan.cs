using System.Text.RegularExpressions;
using Stride.Knowledge;

namespace Stride.Search.Semantic;

/// <summary>
/// What is embedded for each entry, and how its vectors make one similarity. Every entry has one vector for its whole
/// text (its question and the first <see cref="AnswerWords"/> words of its answer). In small collections an entry
/// also has passage vectors: each sentence of its answer under its question, and each of its alternate wordings.
/// The entry's similarity to a query is then the weighted mean of the whole text's cosine, the best sentence's
/// (weight <see cref="SentenceWeight"/>) and the best alternate's (weight <see cref="AlternateWeight"/>); a kind of
/// passage the entry does not have drops out of the mean. One sentence often carries the match that the whole text
/// dilutes, and alternates are written the way people ask (measured in docs/benchmarks.md).
/// </summary>
/// <param name="AnswerWords">Answer words in the whole-text vector (0: the question alone).</param>
/// <param name="SentenceWeight">Weight of the best sentence's cosine (0: no sentence vectors).</param>
/// <param name="AlternateWeight">Weight of the best alternate's cosine (0: no alternate vectors).</param>
public sealed partial record EntryTextPlan(int AnswerWords, double SentenceWeight = 0, double AlternateWeight = 0)
{
    /// <summary>At most this many sentences of one answer get a vector: the rest add embedding time, rarely a match.</summary>
    public const int MaxSentences = 24;

    /// <summary>Sentences shorter than this many words ("Sciatica. ...") carry too little to match on their own.</summary>
    public const int MinSentenceWords = 4;

    /// <summary>The passages of <paramref name="entry"/> this plan embeds: its sentences first, then its alternates.</summary>
    public IEnumerable<EntryPassage> PassagesOf(KbEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (SentenceWeight > 0)
        {
            foreach (var sentence in SentencesOf(entry.Answer).Take(MaxSentences))
            {
                yield return new EntryPassage($"{entry.Question}\n{sentence}", IsAlternate: false);
            }
        }

        if (AlternateWeight > 0)
        {
            foreach (var alternate in entry.Alternates.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                yield return new EntryPassage(alternate, IsAlternate: true);
            }
        }
    }

    /// <summary>The sentences (and list items) of <paramref name="answer"/> with at least <see cref="MinSentenceWords"/> words.</summary>
    public static IEnumerable<string> SentencesOf(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return SentenceBreak().Split(answer)
            .Select(s => s.Trim().TrimStart('-', '*', '•').Trim())
            .Where(s => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= MinSentenceWords);
    }

    // A break after '.', '?' or '!' followed by space, or at a line break; abbreviations split too ("e.g. a"), which
    // only makes a few passages shorter.
    [GeneratedRegex(@"(?<=[.!?])\s+|\s*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();
}

/// <summary>A passage embedded for an entry besides its whole text.</summary>
/// <param name="Text">The text embedded.</param>
/// <param name="IsAlternate">True for an alternate wording of the question, false for a sentence of the answer.</param>
public sealed record EntryPassage(string Text, bool IsAlternate);
