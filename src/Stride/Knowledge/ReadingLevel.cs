using System.Text.RegularExpressions;

namespace Stride.Knowledge;

/// <summary>
/// Flesch-Kincaid grade level of English text: about the school grade a reader needs. Stride aims for 8 or below
/// (a reading age of about 12). Syllables are counted with the usual vowel-group rule, which is close enough for prose.
/// </summary>
public static partial class ReadingLevel
{
    /// <summary>The grade level of <paramref name="text"/>, or 0 when it has no words.</summary>
    public static double Grade(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordPattern().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        // Bullet items are sentences of their own even without a full stop.
        var sentences = Math.Max(1, SentenceEnd().Count(text) + text.Split('\n').Count(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal)));
        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    /// <summary>Estimated syllables in one word (at least one).</summary>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
        {
            return 1;
        }

        w = SilentEnding().Replace(w, string.Empty);
        w = LeadingY().Replace(w, string.Empty);
        return Math.Max(1, VowelGroup().Count(w));
    }

    [GeneratedRegex(@"[A-Za-z]+(?:'[A-Za-z]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:[^laeiouy]es|ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex(@"^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex(@"[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
