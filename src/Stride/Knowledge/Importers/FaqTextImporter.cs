using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Reads a plain-text FAQ page (the shape of a scraped "people also ask" page): the first line is the page's
/// headline question; after it come headings (questions ending in <c>?</c>, or short title lines such as
/// "When to see your doctor"), each followed by body lines and <c>- </c> bullets.
/// </summary>
/// <remarks>
/// A heading always owns the line after it, even when that line looks like a heading too, because scraped
/// answers often start with the title of the page they came from. Entries are flagged, not dropped, when
/// they are cut off, promotional, off-topic or garbled, so that lint can show them and search can demote them.
/// </remarks>
public sealed partial class FaqTextImporter : IKbImporter
{
    private const int MaxTitleWords = 12;
    private const int MaxQuestionWords = 30;

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "your", "have", "will", "what", "when", "which", "they", "them", "their", "there",
        "about", "more", "also", "than", "then", "into", "some", "such", "other", "others", "these", "those", "been", "were",
        "does", "many", "most", "much", "very", "only", "over", "like", "just", "make", "help", "learn", "info", "ages",
    };

    /// <inheritdoc />
    public KbFormat Format => KbFormat.FaqText;

    /// <inheritdoc />
    public ImportResult Import(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);

        var stem = IdSlug(Path.GetFileNameWithoutExtension(sourceName));
        var fileName = Path.GetFileName(sourceName);
        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        var drafts = new List<Draft>();
        Draft? current = null;
        var lineNumber = 0;
        var bodyOwed = false;

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (current is null || (!bodyOwed && LooksLikeHeading(line)))
            {
                current = new Draft(line, lineNumber);
                drafts.Add(current);
                bodyOwed = true;
                continue;
            }

            bodyOwed = false;
            if (ContentFlagger.IsPromotional(line))
            {
                // An advert line inside an otherwise useful answer: keep it out of the answer, remember it.
                current.PromotionalLines.Add(line);
                diagnostics.Add(ImportDiagnostic.Warning(sourceName, lineNumber, "promotional line left out of the answer"));
                continue;
            }

            current.Body.Add(line);
        }

        if (drafts.Count == 0)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, 0, "no questions found: the file is empty"));
        }

        var themeWords = ThemeWords(drafts);
        var entries = ImmutableArray.CreateBuilder<KbEntry>(drafts.Count);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (draft.Body.Count == 0 && draft.PromotionalLines.Count == 0)
            {
                diagnostics.Add(ImportDiagnostic.Warning(sourceName, draft.Line, $"heading '{draft.Heading}' has no answer"));
            }

            var flags = Flags(draft, themeWords);

            // An entry that is nothing but an advert keeps its text so that lint can show it; it is flagged, not trusted.
            var body = draft.Body.Count > 0 ? draft.Body : draft.PromotionalLines;
            entries.Add(new KbEntry
            {
                Id = UniqueId($"{stem}-{IdSlug(draft.Heading)}", usedIds),
                Question = draft.Heading,
                Answer = FormatAnswer(body),
                Topic = TopicGuesser.Guess(draft.Heading),
                Sources = [new SourceLink($"FAQ page {fileName}", string.Empty)],
                Flags = flags,
                Origin = $"{sourceName}:{draft.Line}",
            });
        }

        return new ImportResult(entries.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>True for a question line or a short title line without closing punctuation.</summary>
    internal static bool LooksLikeHeading(string line)
    {
        if (line.StartsWith('-') || line.StartsWith('•'))
        {
            return false;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (line.EndsWith('?'))
        {
            return words <= MaxQuestionWords;
        }

        var last = line[^1];
        return words <= MaxTitleWords
            && (char.IsLetterOrDigit(last) || last == ')')
            && (char.IsUpper(line[0]) || char.IsDigit(line[0]));
    }

    /// <summary>Lowercase slug of at most eight words (letters and digits, joined by hyphens), for readable stable ids.</summary>
    internal static string IdSlug(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant())
            .Select(m => m.Value.Replace("'", string.Empty, StringComparison.Ordinal))
            .Take(8);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "entry" : slug;
    }

    private static ImmutableArray<EntryIssue> Flags(Draft draft, HashSet<string> themeWords)
    {
        var flags = ImmutableArray.CreateBuilder<EntryIssue>();
        var text = draft.Heading + "\n" + string.Join('\n', draft.Body);
        if (draft.Body.Any(ContentFlagger.IsTruncated))
        {
            flags.Add(EntryIssue.Truncated);
        }

        if (ContentFlagger.IsPromotional(draft.Heading) || (draft.Body.Count == 0 && draft.PromotionalLines.Count > 0))
        {
            flags.Add(EntryIssue.Promotional);
        }

        if (themeWords.Count > 0 && !ContentWords(text).Any(themeWords.Contains))
        {
            flags.Add(EntryIssue.OffTopic);
        }

        if (draft.Body.Any(ContentFlagger.IsGarbled))
        {
            flags.Add(EntryIssue.Garbled);
        }

        return flags.ToImmutable();
    }

    /// <summary>Words used by several entries of the page: what the page is about. An entry using none of them is off-topic.</summary>
    private static HashSet<string> ThemeWords(List<Draft> drafts)
    {
        // A page of a few questions has no theme to stray from: nothing is flagged off-topic.
        if (drafts.Count < 5)
        {
            return [];
        }

        var minEntries = Math.Max(2, drafts.Count / 10);
        return drafts
            .SelectMany(d => ContentWords(d.Heading + " " + string.Join(' ', d.Body)).Distinct())
            .GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= minEntries)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ContentWords(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4 && !CommonWords.Contains(w));

    private static string FormatAnswer(List<string> body)
    {
        var sb = new StringBuilder();
        var previousBullet = false;
        foreach (var line in body)
        {
            var bullet = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal);
            if (sb.Length > 0)
            {
                sb.Append(bullet && previousBullet ? "\n" : "\n\n");
            }

            sb.Append(bullet ? "- " + line[2..].Trim() : line);
            previousBullet = bullet;
        }

        return sb.ToString();
    }

    private static string UniqueId(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();

    private sealed class Draft(string heading, int line)
    {
        public string Heading { get; } = heading;

        public int Line { get; } = line;

        public List<string> Body { get; } = [];

        public List<string> PromotionalLines { get; } = [];
    }
}
