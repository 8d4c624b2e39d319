using Stride.Knowledge;
using Stride.Triage;

namespace Stride.Web.Pages;

/// <summary>A block of answer text: a paragraph, or a bulleted list.</summary>
/// <param name="Paragraph">The paragraph's text, or null for a list.</param>
/// <param name="Items">The list's items, or null for a paragraph.</param>
public sealed record TextBlock(string? Paragraph, IReadOnlyList<string>? Items);

/// <summary>The words the pages put around engine output: confidence in words, answer text in blocks, topic titles.</summary>
public static class PageText
{
    /// <summary>Questions on the home page that show what Stride can answer (and one that shows the emergency banner).</summary>
    public static IReadOnlyList<string> Examples { get; } =
    [
        "Why does my lower back hurt when I walk?",
        "Should I keep walking when my back hurts?",
        "Which stretch helps a tight hip flexor?",
        "my back hurts when I walk and my legs go numb",
    ];

    /// <summary>From this confidence an answer is called a close match.</summary>
    /// <remarks>
    /// Measured on paraphrased questions no ranking or confidence setting was fitted on (tests/Stride.Tests/Data
    /// para-kb-heldout.tsv on Stride's own KB, para-seed-heldout.tsv on the seed page): first answers at 0.7 or more
    /// were right 95 % of the time, from 0.3 to 0.7 about 2 in 3 (with semantic search on, 9 in 10), below 0.3 about 2 in
    /// 5 (with semantic search on and passage vectors, about half: docs/web-api.md). The words
    /// say that, and <c>ConfidenceWordsTests</c> fails when the measured rates drift away from them.
    /// </remarks>
    public const double CloseMatch = 0.7;

    /// <summary>From this confidence (below <see cref="CloseMatch"/>) an answer is called a likely match.</summary>
    public const double LikelyMatch = 0.3;

    /// <summary>
    /// Confidence (0..1, the same meaning for every question) in words a reader takes in: a bare decimal says little.
    /// </summary>
    public static string ConfidenceWords(double confidence) => confidence switch
    {
        >= CloseMatch => "close match",
        >= LikelyMatch => "likely match",
        _ => "possible match",
    };

    /// <summary>A longer line under the confidence words, saying how often answers like it were right.</summary>
    public static string ConfidenceHint(double confidence) => confidence switch
    {
        >= CloseMatch => "Answers this close were right about 9 times in 10 when we tested Stride.",
        >= LikelyMatch => "Answers this close were right most of the time (2 times in 3 or more) when we tested Stride. Check the others too.",
        _ => "Answers this far off were right only about half the time when we tested Stride. Another answer may fit better.",
    };

    /// <summary>
    /// Splits stored answer text into blocks: paragraphs are separated by blank lines, and lines starting with "- " are
    /// bullet items. The text stays text: the page escapes it like any other.
    /// </summary>
    public static IReadOnlyList<TextBlock> Blocks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<TextBlock>();
        var paragraph = new List<string>();
        var items = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new TextBlock(string.Join(' ', paragraph), null));
                paragraph.Clear();
            }

            if (items.Count > 0)
            {
                blocks.Add(new TextBlock(null, [.. items]));
                items.Clear();
            }
        }

        foreach (var raw in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                if (paragraph.Count > 0)
                {
                    blocks.Add(new TextBlock(string.Join(' ', paragraph), null));
                    paragraph.Clear();
                }

                items.Add(line[2..].Trim());
            }
            else if (items.Count > 0 && raw.StartsWith("  ", StringComparison.Ordinal))
            {
                items[^1] += " " + line; // a bullet item continued on the next line
            }
            else
            {
                if (items.Count > 0)
                {
                    blocks.Add(new TextBlock(null, [.. items]));
                    items.Clear();
                }

                paragraph.Add(line);
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>A topic as a heading: "walking technique" becomes "Walking technique".</summary>
    public static string TopicTitle(string topic) =>
        string.IsNullOrEmpty(topic) ? "Other" : char.ToUpperInvariant(topic[0]) + topic[1..];

    /// <summary>Problems an importer found, in words for the reader (empty when there are none worth saying).</summary>
    public static IEnumerable<string> FlagNotes(KbEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var flag in entry.Flags)
        {
            yield return flag switch
            {
                EntryIssue.Truncated => "This answer was cut off in its source; the source page has the rest.",
                EntryIssue.AnswerRemoved => "The collection this comes from holds only the question; the source page has the answer.",
                EntryIssue.Promotional => "This entry reads like an advert for a service.",
                EntryIssue.OffTopic => "This entry is about something other than back pain.",
                _ => "The text of this entry may be garbled.",
            };
        }
    }

    /// <summary>
    /// The link of a source when it is a web address (http or https), else null: the page then shows the title alone,
    /// so a <c>javascript:</c> or <c>data:</c> address in a knowledge-base file never becomes a link.
    /// </summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    /// <summary>The heading of the triage banner for a level.</summary>
    public static string TriageHeading(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency: call 999 (UK) or 911 (US) now, or go to A&E",
        TriageLevel.Urgent => "See a doctor today: call your GP or NHS 111",
        TriageLevel.Routine => "Book a GP or physiotherapist soon",
        _ => "Looking after your back at home",
    };
}
