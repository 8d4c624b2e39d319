using System.Collections.Immutable;

namespace Stride.Knowledge;

/// <summary>What an importer read: entries plus the problems it found. Errors mean the entries must not be used.</summary>
/// <param name="Entries">The entries read (may be partial when <see cref="HasErrors"/> is true).</param>
/// <param name="Diagnostics">Warnings and errors with file and line.</param>
public sealed record ImportResult(ImmutableArray<KbEntry> Entries, ImmutableArray<ImportDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Optional collection name found in the file (for Stride's own format).</summary>
    public string? Name { get; init; }

    /// <summary>Optional collection version found in the file (for Stride's own format).</summary>
    public string? Version { get; init; }

    /// <summary>A result holding one error and no entries.</summary>
    public static ImportResult Failed(ImportDiagnostic error) => new([], [error]);

    /// <summary>Joins several results, keeping every entry and diagnostic in order.</summary>
    public static ImportResult Combine(IEnumerable<ImportResult> results)
    {
        var entries = ImmutableArray.CreateBuilder<KbEntry>();
        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        string? name = null, version = null;
        foreach (var result in results)
        {
            entries.AddRange(result.Entries);
            diagnostics.AddRange(result.Diagnostics);
            name ??= result.Name;
            version ??= result.Version;
        }

        return new ImportResult(entries.ToImmutable(), diagnostics.ToImmutable()) { Name = name, Version = version };
    }
}
