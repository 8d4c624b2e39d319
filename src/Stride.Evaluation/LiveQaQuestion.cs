using System.Xml;
using System.Xml.Linq;

namespace Stride.Evaluation;

/// <summary>One TREC 2017 LiveQA-Med test question.</summary>
/// <param name="Id">The qid, for example <c>TQ12</c>.</param>
/// <param name="Subject">The SUBJECT line the consumer wrote (may be empty).</param>
/// <param name="Message">The MESSAGE the consumer wrote.</param>
/// <param name="Paraphrase">NIST's paraphrase, written by an assessor (a labelled variant only).</param>
/// <param name="Summary">NLM's short summary, written by an assessor (a labelled variant only).</param>
public sealed record LiveQaQuestion(string Id, string Subject, string Message, string? Paraphrase, string? Summary)
{
    /// <summary>The question as the consumer sent it: SUBJECT then MESSAGE.</summary>
    public string Original => string.IsNullOrWhiteSpace(Subject) ? Message : $"{Subject}. {Message}";

    /// <summary>The text a ranker sees in <paramref name="variant"/>; a missing paraphrase or summary falls back to the next wording.</summary>
    public string Text(LiveQaVariant variant) => variant switch
    {
        LiveQaVariant.Paraphrase => Paraphrase ?? Original,
        LiveQaVariant.Summary => Summary ?? Paraphrase ?? Original,
        _ => Original,
    };

    /// <summary>The number in the qid (12 for <c>TQ12</c>): runs are written, and questions split into folds, by it.</summary>
    public static int Number(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return int.Parse(id.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads the questions file (<c>TREC-2017-LiveQA-Medical-Test.xml</c>); summaries come from the
    /// <c>...-w-summaries.xml</c> file when that is the one given.
    /// </summary>
    public static IReadOnlyList<LiveQaQuestion> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var xml = XmlReader.Create(reader, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var doc = XDocument.Load(xml);
        return [.. doc.Descendants("NLM-QUESTION").Select(q =>
        {
            var original = q.Element("Original-Question");
            return new LiveQaQuestion(
                (string?)q.Attribute("qid") ?? throw new InvalidDataException("an NLM-QUESTION has no qid"),
                Clean(original?.Element("SUBJECT")?.Value),
                Clean(original?.Element("MESSAGE")?.Value),
                q.Element("NIST-PARAPHRASE")?.Value is { } p ? Clean(p) : null,
                q.Element("NLM-Summary")?.Value is { } s ? Clean(s) : null);
        })];
    }

    private static string Clean(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
