using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;
using static Stride.Knowledge.YamlNodes;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Reads Stride's own knowledge-base format: a YAML file with optional <c>name</c> and <c>version</c> and a list of
/// <c>entries</c>, each with id, topic, question, alternates, answer, sources (title, url) and related.
/// Every problem is reported with the line of the entry or field it concerns.
/// </summary>
public sealed class YamlKbImporter : IKbImporter
{
    private static readonly HashSet<string> EntryKeys = new(StringComparer.Ordinal)
    {
        "id", "topic", "question", "alternates", "answer", "sources", "related", "focus", "focusSynonyms", "questionType", "flags",
    };

    /// <inheritdoc />
    public KbFormat Format => KbFormat.Yaml;

    /// <inheritdoc />
    public ImportResult Import(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);

        if (YamlNodes.Load(reader, sourceName, out var invalid) is not { } stream)
        {
            return ImportResult.Failed(invalid!);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, 1, "expected a mapping with an 'entries' list"));
        }

        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        var entries = ImmutableArray.CreateBuilder<KbEntry>();
        var name = Scalar(root, "name");
        var version = Scalar(root, "version");
        if (Child(root, "entries") is { } entriesNode)
        {
            if (entriesNode is not YamlSequenceNode list)
            {
                return ImportResult.Failed(ImportDiagnostic.Error(sourceName, Line(entriesNode), "'entries' must be a list"));
            }

            foreach (var node in list)
            {
                var entry = ReadEntry(node, sourceName, diagnostics);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }
        else if (name is null)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, Line(root), "expected an 'entries' list"));
        }

        return new ImportResult(entries.ToImmutable(), diagnostics.ToImmutable()) { Name = name, Version = version };
    }

    private static KbEntry? ReadEntry(YamlNode node, string sourceName, ImmutableArray<ImportDiagnostic>.Builder diagnostics)
    {
        var line = Line(node);
        if (node is not YamlMappingNode map)
        {
            diagnostics.Add(ImportDiagnostic.Error(sourceName, line, "each entry must be a mapping (id, topic, question, ...)"));
            return null;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!EntryKeys.Contains(key.Value ?? string.Empty))
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, Line(key), $"unknown field '{key.Value}' (known: {string.Join(", ", EntryKeys)})"));
            }
        }

        var id = Scalar(map, "id");
        var question = Scalar(map, "question");
        var topic = Scalar(map, "topic");
        var ok = true;
        foreach (var (field, value) in new[] { ("id", id), ("question", question), ("topic", topic) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, line, $"entry{(id is null ? string.Empty : $" '{id}'")} has no '{field}'"));
                ok = false;
            }
        }

        var sources = ImmutableArray.CreateBuilder<SourceLink>();
        if (Child(map, "sources") is YamlSequenceNode sourceList)
        {
            foreach (var s in sourceList)
            {
                if (s is YamlMappingNode sm && Scalar(sm, "url") is { } url)
                {
                    sources.Add(new SourceLink(Scalar(sm, "title") ?? url, url));
                }
                else
                {
                    diagnostics.Add(ImportDiagnostic.Error(sourceName, Line(s), "a source needs 'title' and 'url'"));
                    ok = false;
                }
            }
        }

        var flags = ImmutableArray.CreateBuilder<EntryIssue>();
        foreach (var flag in List(map, "flags"))
        {
            if (Enum.TryParse<EntryIssue>(flag.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed))
            {
                flags.Add(parsed);
            }
            else
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, line, $"unknown flag '{flag}'"));
            }
        }

        // Only a collection that removed its answers (MedQuAD, written out by 'kb import') may hold a question
        // without one, and it says so with the flag; anywhere else a missing answer is a mistake in the file.
        if (string.IsNullOrWhiteSpace(Scalar(map, "answer")) && !flags.Contains(EntryIssue.AnswerRemoved))
        {
            diagnostics.Add(ImportDiagnostic.Error(sourceName, line, $"entry{(id is null ? string.Empty : $" '{id}'")} has no 'answer' (only entries flagged answerRemoved may leave it out)"));
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        return new KbEntry
        {
            Id = id!.Trim(),
            Question = question!.Trim(),
            Topic = topic!.Trim(),
            Alternates = List(map, "alternates"),
            Answer = (Scalar(map, "answer") ?? string.Empty).Trim(),
            Sources = sources.ToImmutable(),
            Related = List(map, "related"),
            Focus = Scalar(map, "focus"),
            FocusSynonyms = List(map, "focusSynonyms"),
            QuestionType = Scalar(map, "questionType"),
            Flags = flags.ToImmutable(),
            Origin = $"{sourceName}:{line}",
        };
    }



    private static ImmutableArray<string> List(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlSequenceNode seq => [.. seq.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? string.Empty).Where(s => s.Length > 0)],
        YamlScalarNode { Value: { Length: > 0 } one } => [one.Trim()],
        _ => [],
    };

}
