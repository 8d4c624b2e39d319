using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Reads one MedQuAD document (<c>&lt;Document id source url&gt;</c> with <c>QAPair</c> elements): one entry per pair,
/// id <c>{source}_{documentId}_Sec{n}</c>, n the pair's place in the document (1, 2, ...), to match the AnswerIDs of the
/// LiveQA-Med judgments.
/// Pairs whose answer MedQuAD removed (copyright) become question-only entries flagged <see cref="EntryIssue.AnswerRemoved"/>.
/// </summary>
public sealed class MedQuadXmlImporter : IKbImporter
{
    /// <inheritdoc />
    public KbFormat Format => KbFormat.MedQuad;

    /// <inheritdoc />
    public ImportResult Import(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);

        XDocument doc;
        try
        {
            // DTD processing stays off (the default): MedQuAD needs none, and it closes the door to entity tricks.
            using var xml = XmlReader.Create(reader, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            doc = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, ex.LineNumber, $"not well-formed XML: {ex.Message}"));
        }

        var root = doc.Root;

        // A handful of MedQuAD files use older schemas (<doc docid corpus>, <DiseaseFile fid>); read them all.
        var schema = root?.Name.LocalName switch
        {
            "Document" => Schema.Current,
            "doc" => Schema.Legacy,
            "DiseaseFile" => Schema.DiseaseFile,
            _ => null,
        };
        if (root is null || schema is null)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, LineOf(root), "expected a MedQuAD <Document> root element"));
        }

        var docId = (string?)root.Attribute(schema.DocumentId);
        var source = (string?)root.Attribute(schema.Source);
        if (string.IsNullOrWhiteSpace(docId) || string.IsNullOrWhiteSpace(source))
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, LineOf(root), "<Document> needs 'id' and 'source' attributes"));
        }

        // Some MedQuAD files repeat another file's document id (0000013_2.xml and 0000013_2_1.xml); their file name
        // keeps ids unique, and for every other file the name and the id agree, so judged AnswerIDs still match.
        var stem = Path.GetFileNameWithoutExtension(sourceName);
        if (stem.Length > docId.Length && stem.StartsWith(docId + "_", StringComparison.Ordinal))
        {
            docId = stem;
        }

        // The LiveQA-Med judgments spell one source differently from the XML; ids follow the judgments.
        var idSource = source == "MPlusHerbsSupplements" ? "MPlusHerbsSuppls" : source;
        var url = ((string?)root.Attribute("url"))?.Trim() ?? string.Empty;
        var focus = Clean(root.Element(schema.Focus)?.Value);
        var synonyms = root.Element("FocusAnnotations")?.Element("Synonyms")?.Elements("Synonym")
            .Select(s => WithoutLabel(Clean(s.Value))).Where(s => s.Length > 0).ToImmutableArray() ?? [];
        var sourceTitle = focus.Length > 0 ? $"{source}: {focus}" : source;

        var entries = ImmutableArray.CreateBuilder<KbEntry>();
        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        // Section numbers count the pairs in document order. The 'pid' attribute is not that number: in several
        // sources (NHLBI, NIDDK, MedlinePlus drugs, NIHSeniorHealth, CDC, some A.D.A.M. pages) it skips values, and the
        // judged AnswerIDs (and the answer texts the assessors saw) follow the order, not the pid.
        var section = 0;
        foreach (var pair in root.Element(schema.Pairs)?.Elements(schema.Pair) ?? [])
        {
            section++;
            var questionElement = pair.Element(schema.Question);
            var question = Clean(questionElement?.Value);
            if (question.Length == 0)
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, LineOf(pair), "<QAPair> needs a <Question>"));
                continue;
            }

            var answer = pair.Element(schema.Answer)?.Value.Trim() ?? string.Empty;
            entries.Add(new KbEntry
            {
                Id = $"{idSource}_{docId}_Sec{section}",
                Question = question,
                Answer = answer,
                Topic = ((string?)questionElement!.Attribute("qtype"))?.Trim() is { Length: > 0 } qtype ? qtype : Topics.General,
                QuestionType = (string?)questionElement.Attribute("qtype"),
                Focus = focus.Length > 0 ? focus : null,
                FocusSynonyms = synonyms,
                Sources = [new SourceLink(sourceTitle, url)],
                Flags = answer.Length == 0 ? [EntryIssue.AnswerRemoved] : [],
                Origin = $"{sourceName}:{LineOf(pair)}",
            });
        }

        return new ImportResult(entries.ToImmutable(), diagnostics.ToImmutable());
    }

    private sealed record Schema(string DocumentId, string Source, string Focus, string Pairs, string Pair, string Question, string Answer)
    {
        public static readonly Schema Current = new("id", "source", "Focus", "QAPairs", "QAPair", "Question", "Answer");
        public static readonly Schema Legacy = new("docid", "corpus", "doctitle-focus", "qaPairs", "pair", "question", "answer");
        public static readonly Schema DiseaseFile = Current with { DocumentId = "fid" };
    }

    private static int LineOf(XElement? element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static string Clean(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A synonym without a label in front of it: "Formerly: Wegener's granulomatosis" is the name "Wegener's
    /// granulomatosis", which people still use.
    /// </summary>
    internal static string WithoutLabel(string synonym)
    {
        foreach (var label in SynonymLabels)
        {
            if (synonym.StartsWith(label, StringComparison.OrdinalIgnoreCase) && synonym.Length > label.Length)
            {
                return synonym[label.Length..].Trim();
            }
        }

        return synonym;
    }

    private static readonly string[] SynonymLabels = ["Formerly:", "Previously:", "Also called:", "Also known as:"];
}
