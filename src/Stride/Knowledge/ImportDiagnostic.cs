namespace Stride.Knowledge;

/// <summary>How bad an import problem is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the entry is kept.</summary>
    Warning,

    /// <summary>The file cannot be used; nothing from the import is loaded.</summary>
    Error,
}

/// <summary>A problem found while importing, located by file and line.</summary>
/// <param name="Source">The file (or stream name) the problem is in.</param>
/// <param name="Line">1-based line number, or 0 when the problem concerns the whole file.</param>
/// <param name="Severity">Whether the import can go on.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ImportDiagnostic(string Source, int Line, DiagnosticSeverity Severity, string Message)
{
    /// <summary>Creates an error.</summary>
    public static ImportDiagnostic Error(string source, int line, string message) => new(source, line, DiagnosticSeverity.Error, message);

    /// <summary>Creates a warning.</summary>
    public static ImportDiagnostic Warning(string source, int line, string message) => new(source, line, DiagnosticSeverity.Warning, message);

    /// <summary>Formats the diagnostic as <c>file:line: severity: message</c>, the form editors and CI logs understand.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{Source}:{Line}" : Source;
        var level = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{where}: {level}: {Message}";
    }
}
