using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Stride.Resources;

namespace Stride.Knowledge;

/// <summary>
/// Spots scraped text that should not be trusted as an answer: adverts, caption garble, cut-off text, text left out in
/// the middle, lists announced and never given, words run together.
/// The patterns are deliberately generic (first-person sales talk, timestamps) so that they work on pages
/// Stride has never seen, not just on the seed page.
/// </summary>
public static partial class ContentFlagger
{
    /// <summary>True when the text ends in an ellipsis, the mark scrapers leave when they cut an answer off.</summary>
    public static bool IsTruncated(string line) =>
        line.TrimEnd().EndsWith("...", StringComparison.Ordinal) || line.TrimEnd().EndsWith('…');

    private const string PromotionalFile = "promotional-cues.v1.txt";

    private static readonly ImmutableArray<string> MixedCaseWords = ResourceText.Lines("mixed-case-words.v1.txt");

    private static readonly ImmutableArray<KeyValuePair<string, string>> PromotionalCues = ResourceText.Pairs(PromotionalFile);

    private static readonly ImmutableArray<Regex> PromotionalPatterns =
        [.. new[] { "sales-talk", "offer" }.Select(PromotionalCue)];

    private static readonly Regex PhoneNumber = PromotionalCue("phone-number");

    private static readonly Regex PublicService = PromotionalCue("public-service");

    private static readonly FrozenSet<string> HelpLines = ResourceText.Value(PromotionalCues, "help-lines", PromotionalFile)
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(Digits)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True when the text sells a service ("let us help you", "our team can help", "book today"), offers a discount
    /// ("20% off", "free consultation") or gives a phone number to call that is neither a help line nor next to the name of
    /// a public service (an information centre, a quit line, a charity).
    /// </summary>
    public static bool IsPromotional(string text) => FirstPromotion(text) is not null;

    /// <summary>
    /// The first advert wording in <paramref name="text"/> (the cues in <c>Resources/promotional-cues.v1.txt</c>), or
    /// null. Help lines such as 999, 911, NHS 111, 116 123 or 988 are advice, not adverts, and never count.
    /// </summary>
    public static string? FirstPromotion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PromotionalPatterns.Select(p => p.Match(text))
            .Concat(PhoneNumber.Matches(text).Where(m => !HelpLines.Contains(Digits(m.Value)) && !NamesPublicService(text, m)))
            .Where(m => m.Success)
            .OrderBy(m => m.Index)
            .Select(m => m.Value.Trim())
            .FirstOrDefault();
    }

    // A number given for a public service ("call the NLM toll-free at ...") is a place to ask, not a sale. The window is
    // wide enough for an address block between the name and the number, narrow enough to stay with that one number.
    private static bool NamesPublicService(string text, Match number)
    {
        var start = Math.Max(0, number.Index - 120);
        var end = Math.Min(text.Length, number.Index + number.Length + 60);
        return PublicService.IsMatch(text[start..end]);
    }

    /// <summary>
    /// The first ellipsis ("..." or "…") that more text follows, shown with the words around it, or null. Scrapers put
    /// one where they left text out, so the sentences either side of it no longer join up.
    /// </summary>
    public static string? FirstMidEllipsis(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = MidEllipsisPattern().Match(text);
        return match.Success ? Around(text, match.Index, match.Length) : null;
    }

    /// <summary>
    /// The first line that announces a list with a colon ("such as:", "including any of these:") when no list follows:
    /// the line ends the text, or the next line is a heading (<c>#</c> or a question). Null when every list is given.
    /// </summary>
    public static string? FirstUnfinishedList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].EndsWith(':') && (i == lines.Count - 1 || IsHeadingLine(lines[i + 1])))
            {
                return Tail(lines[i]);
            }
        }

        return null;
    }

    /// <summary>
    /// The first word where a word of three or more small letters runs straight into a capitalised word ("WalkingKeep",
    /// "painBack") or into capitals in a word that starts small ("forSCA"), the mark of two scraped words that lost their
    /// space, or null. Links and e-mail addresses are skipped, and so is a capital inside a known mixed-case word
    /// (<c>Resources/mixed-case-words.v1.txt</c>: "iPhone", "McKenzie", "YouTube"). Medical short forms with one or two
    /// small letters before a capital ("tPA", "HbA1c", "BiPAP", "IgG4", "mRNA") are names, not two words.
    /// </summary>
    public static string? FirstRunTogetherWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in LowerUpperPattern().Matches(text))
        {
            var start = m.Index;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            if (!LooksLikeTwoWords(text, m.Index, start))
            {
                continue;
            }

            var end = m.Index + m.Length;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var token = text[start..end];
            if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || token.Contains('@'))
            {
                continue;
            }

            // The small and the capital letter must both fall inside one occurrence of a known word: "YouTube" is fine,
            // "YouTubeYouTube" is not (the seam between the two is not inside either).
            var at = m.Index - start;
            if (!MixedCaseWords.Any(w => Occurrences(token, w).Any(i => i <= at && at + 1 < i + w.Length)))
            {
                return token.Trim('"', '\'', '(', ')', ',', '.', ';', ':', '!', '?', '“', '”', '‘', '’');
            }
        }

        return null;
    }

    // The seam at 'lower' (a small letter before a capital) joins two words when three or more small letters end the
    // first, and the second is a capitalised word ("Keep") or the first word started small ("forSCA", "withC").
    private static bool LooksLikeTwoWords(string text, int lower, int tokenStart)
    {
        var run = 0;
        while (lower - run >= tokenStart && char.IsLower(text[lower - run]))
        {
            run++;
        }

        if (run < 3)
        {
            return false;
        }

        var upper = lower + 1;
        var capitalisedWord = upper + 2 < text.Length && char.IsLower(text[upper + 1]) && char.IsLower(text[upper + 2]);
        var startsSmall = lower - run + 1 == tokenStart || !char.IsLetter(text[lower - run]);
        return capitalisedWord || startsSmall;
    }

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

    [GeneratedRegex(@"\d:\d{2}\d{1,2}:\d{2}|suggested clip|\byoutube\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPattern();

    private static Regex PromotionalCue(string name) =>
        new(ResourceText.Value(PromotionalCues, name, PromotionalFile), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>A heading line: a Markdown heading, or a question as scraped FAQ pages put between answers.</summary>
    private static bool IsHeadingLine(string line) => line.StartsWith('#') || (line.EndsWith('?') && !line.StartsWith("- ", StringComparison.Ordinal));

    private static IEnumerable<int> Occurrences(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    /// <summary>The match with about 30 characters either side (whole words), on one line, so a finding shows where it is.</summary>
    private static string Around(string text, int index, int length)
    {
        var start = Math.Max(0, index - 30);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = Math.Min(text.Length, index + length + 30);
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return WhiteSpacePattern().Replace(text[start..end], " ").Trim();
    }

    /// <summary>The end of a long line (about its last 60 characters, from a word start), where its colon is.</summary>
    private static string Tail(string line)
    {
        if (line.Length <= 60)
        {
            return line;
        }

        var tail = line[^60..];
        var space = tail.IndexOf(' ', StringComparison.Ordinal);
        return space >= 0 ? tail[(space + 1)..] : tail;
    }

    // An ellipsis with more text after it, here or on a later line; one at the very end is 'truncated' instead.
    [GeneratedRegex(@"(?:\.\.\.|…)(?=\s*\S)")]
    private static partial Regex MidEllipsisPattern();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex LowerUpperPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpacePattern();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
