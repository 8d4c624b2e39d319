using System.Text.RegularExpressions;

namespace Stride.Knowledge;

/// <summary>
/// Spots scraped text that should not be trusted as an answer: adverts, caption garble, cut-off text.
/// The patterns are deliberately generic (first-person sales talk, timestamps) so that they work on pages
/// Stride has never seen, not just on the seed page.
/// </summary>
public static partial class ContentFlagger
{
    /// <summary>True when the text ends in an ellipsis, the mark scrapers leave when they cut an answer off.</summary>
    public static bool IsTruncated(string line) =>
        line.TrimEnd().EndsWith("...", StringComparison.Ordinal) || line.TrimEnd().EndsWith('…');

    /// <summary>True when the text sells a service ("let us help you", "our team can help", "book today").</summary>
    public static bool IsPromotional(string text) => PromotionalPattern().IsMatch(text);

    /// <summary>True when the text looks like a scraped video caption (timestamps, "suggested clip") or repeats itself.</summary>
    public static bool IsGarbled(string text) => CaptionPattern().IsMatch(text) || HasRepeatedRun(text, 8);

    /// <summary>True when some run of <paramref name="runLength"/> words occurs twice, a sign of scraped captions.</summary>
    internal static bool HasRepeatedRun(string text, int runLength)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + runLength <= words.Length; i++)
        {
            if (!seen.Add(string.Join(' ', words, i, runLength)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(let us help|we(?:'|’)ll help|we can help|team can help|our (?:team|clinic|experts|specialists|therapists)|contact us|call us|book (?:now|today|online)|schedule (?:your|a) (?:visit|consultation)|treatment journey|choosing [A-Z][\w ]{0,30} means)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromotionalPattern();

    [GeneratedRegex(@"\d:\d{2}\d{1,2}:\d{2}|suggested clip|\byoutube\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
