using System.Collections.Immutable;
using System.Text;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Reads CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) or TSV with a header row naming
/// the columns question, answer, alternates, topic, source (alternates separated by <c>|</c>).
/// </summary>
/// <remarks>
/// Written here rather than taken from a CSV library because every error must name the exact line, including
/// for a quoted field that spans lines, and a malformed row must stop the import instead of being skipped.
/// </remarks>
public sealed class DelimitedImporter : IKbImporter
{
    private readonly char _separator;

    private DelimitedImporter(char separator, KbFormat format)
    {
        _separator = separator;
        Format = format;
    }

    /// <summary>An importer for comma-separated files.</summary>
    public static DelimitedImporter Csv { get; } = new(',', KbFormat.Csv);

    /// <summary>An importer for tab-separated files.</summary>
    public static DelimitedImporter Tsv { get; } = new('\t', KbFormat.Tsv);

    /// <inheritdoc />
    public KbFormat Format { get; }

    /// <inheritdoc />
    public ImportResult Import(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);

        var records = new RecordReader(reader, _separator);
        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        if (!records.TryRead(out var header, out var headerLine, out var headerError))
        {
            var message = headerError ?? "the file is empty: a header row naming the columns (question, answer, alternates, topic, source) is required";
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, headerLine, message));
        }

        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var missing = TabularEntryMapper.RequiredColumns.Where(c => !columns.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(sourceName, headerLine,
                $"the header row must name the columns {string.Join(", ", TabularEntryMapper.KnownColumns)}; missing: {string.Join(", ", missing)}"));
        }

        var entries = ImmutableArray.CreateBuilder<KbEntry>();
        var row = 0;
        while (true)
        {
            if (!records.TryRead(out var fields, out var line, out var error))
            {
                if (error is not null)
                {
                    diagnostics.Add(ImportDiagnostic.Error(sourceName, line, error));
                }

                break;
            }

            row++;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count != columns.Length)
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, line, $"expected {columns.Length} fields as in the header, found {fields.Count}"));
                continue;
            }

            var record = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                record[columns[i]] = fields[i];
            }

            var (entry, mapError) = TabularEntryMapper.Map(record, sourceName, line, row);
            if (entry is null)
            {
                diagnostics.Add(ImportDiagnostic.Error(sourceName, line, mapError!));
            }
            else
            {
                entries.Add(entry);
            }
        }

        return new ImportResult(entries.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>Splits text into records, tracking the line each record starts on.</summary>
    private sealed class RecordReader(TextReader reader, char separator)
    {
        private int _line;

        public bool TryRead(out List<string> fields, out int startLine, out string? error)
        {
            fields = [];
            error = null;
            var text = reader.ReadLine();
            _line++;
            startLine = _line;
            if (text is null)
            {
                return false;
            }

            var field = new StringBuilder();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (!quoted)
                    {
                        fields.Add(field.ToString());
                        return true;
                    }

                    // A quoted field goes on over a line break.
                    var next = reader.ReadLine();
                    if (next is null)
                    {
                        error = "a quoted field is never closed (missing \")";
                        return false;
                    }

                    _line++;
                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }

                var c = text[i];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        quoted = false;
                        i++;
                        if (i < text.Length && text[i] != separator)
                        {
                            error = $"unexpected character '{text[i]}' after a closing quote (column {i + 1})";
                            return false;
                        }

                        continue;
                    }

                    field.Append(c);
                    i++;
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                }
                else if (c == '"' && field.Length == 0 && separator == ',')
                {
                    quoted = true;
                    i++;
                }
                else
                {
                    field.Append(c);
                    i++;
                }
            }
        }
    }
}
