using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Turns one record of a tabular export (CSV, TSV or JSON Lines with fields question, answer, alternates, topic,
/// source, and optionally id and related) into an entry. Shared so the three formats agree on meaning.
/// </summary>
internal static partial class TabularEntryMapper
{
    /// <summary>Fields every tabular file must name in its header.</summary>
    public static readonly string[] RequiredColumns = ["question", "answer"];

    /// <summary>Fields Stride understands; others are ignored.</summary>
    public static readonly string[] KnownColumns = ["id", "question", "answer", "alternates", "topic", "source", "related"];

    /// <summary>Maps a record, or returns an error message saying what is wrong with it.</summary>
    public static (KbEntry? Entry, string? Error) Map(IReadOnlyDictionary<string, string> fields, string sourceName, int line, int rowNumber)
    {
        var question = Get(fields, "question");
        if (question.Length == 0)
        {
            return (null, "the 'question' field is empty");
        }

        var answer = Get(fields, "answer").Replace("\\n", "\n", StringComparison.Ordinal);
        if (answer.Trim().Length == 0)
        {
            // Loading and 'kb lint' agree: a question without an answer is a mistake in the file, not an entry.
            return (null, "the 'answer' field is empty");
        }

        var id = Get(fields, "id");
        var stem = FaqTextImporter.IdSlug(Path.GetFileNameWithoutExtension(sourceName));
        var source = ParseSource(Get(fields, "source"));
        return (new KbEntry
        {
            Id = id.Length > 0 ? id : $"{stem}-{rowNumber}",
            Question = question,
            Answer = answer,
            Alternates = Split(Get(fields, "alternates")),
            Topic = Get(fields, "topic") is { Length: > 0 } topic ? topic.ToLowerInvariant() : TopicGuesser.Guess(question),
            Sources = source is null ? [] : [source],
            Related = Split(Get(fields, "related")),
            Flags = ContentFlagger.IsTruncated(answer) ? [EntryIssue.Truncated] : [],
            Origin = $"{sourceName}:{line}",
        }, null);
    }

    /// <summary>
    /// Reads a source cell: a bare URL, <c>Title &lt;https://...&gt;</c>, <c>Title | https://...</c>, or a title alone.
    /// </summary>
    public static SourceLink? ParseSource(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var match = TitledUrl().Match(text);
        if (match.Success)
        {
            return new SourceLink(match.Groups["title"].Value.Trim(), match.Groups["url"].Value.Trim());
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new SourceLink(uri.Host, text)
            : new SourceLink(text, string.Empty);
    }

    private static string Get(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.Trim() : string.Empty;

    private static ImmutableArray<string> Split(string text) =>
        [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^(?<title>.+?)\s*(?:<(?<url>https?://[^>\s]+)>|\|\s*(?<url>https?://\S+))$")]
    private static partial Regex TitledUrl();
}
