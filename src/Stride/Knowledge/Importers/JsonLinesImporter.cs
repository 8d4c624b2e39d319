using System.Collections.Immutable;
using System.Text.Json;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Reads JSON Lines: one object per line with question, answer, alternates (array or <c>|</c>-separated string),
/// topic and source (URL string, <c>{"title","url"}</c> object, or an array of either).
/// </summary>
public sealed class JsonLinesImporter : IKbImporter
{
    /// <inheritdoc />
    public KbFormat Format => KbFormat.JsonLines;

    /// <inheritdoc />
    public ImportResult Import(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);

        var entries = ImmutableArray.CreateBuilder<KbEntry>();
        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        var line = 0;
        var row = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            row++;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, line, $"not valid JSON (column {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}"));
                continue;
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    diagnostics.Add(ImportDiagnostic.Error(sourceName, line, "each line must be a JSON object"));
                    continue;
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                SourceLink[] sources = [];
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    var name = property.Name.ToLowerInvariant();
                    if (name == "source" || name == "sources")
                    {
                        sources = ReadSources(property.Value);
                    }
                    else
                    {
                        fields[name] = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString()!,
                            JsonValueKind.Array => string.Join('|', property.Value.EnumerateArray().Select(v => v.ToString())),
                            JsonValueKind.Null => string.Empty,
                            _ => property.Value.ToString(),
                        };
                    }
                }

                var (entry, error) = TabularEntryMapper.Map(fields, sourceName, line, row);
                if (entry is null)
                {
                    diagnostics.Add(ImportDiagnostic.Error(sourceName, line, error!));
                }
                else
                {
                    entries.Add(entry with { Sources = [.. sources] });
                }
            }
        }

        return new ImportResult(entries.ToImmutable(), diagnostics.ToImmutable());
    }

    private static SourceLink[] ReadSources(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TabularEntryMapper.ParseSource(value.GetString()!) is { } s ? [s] : [],
        JsonValueKind.Object => [new SourceLink(Text(value, "title"), Text(value, "url"))],
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(ReadSources)],
        _ => [],
    };

    /// <summary>A string property as text; numbers and other values are written as they stand rather than crashing.</summary>
    private static string Text(JsonElement value, string name) =>
        !value.TryGetProperty(name, out var p) ? string.Empty
        : p.ValueKind == JsonValueKind.String ? p.GetString() ?? string.Empty
        : p.ValueKind == JsonValueKind.Null ? string.Empty
        : p.GetRawText();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
