using System.Collections.Immutable;

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

        var records = new DelimitedRecordReader(reader, _separator);
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
                $"the header row must name at least the columns question and answer (also understood: {string.Join(", ", TabularEntryMapper.KnownColumns)}); missing: {string.Join(", ", missing)}"));
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
}
