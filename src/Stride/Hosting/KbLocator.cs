using Stride.Knowledge;

namespace Stride.Hosting;

/// <summary>Finds Stride's own knowledge-base folder (<c>kb/</c> with <c>kb.yaml</c>) when no <c>--kb</c> is given.</summary>
public static class KbLocator
{
    /// <summary>The environment variable that points to another default KB folder.</summary>
    public const string EnvironmentVariable = "STRIDE_KB_DIR";

    /// <summary>
    /// The default KB folder: <c>$STRIDE_KB_DIR</c>, else the nearest <c>kb/</c> above the current folder (so edits
    /// in a checkout are used at once), else the copy shipped beside the program.
    /// </summary>
    public static string? DefaultKbFolder()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "kb");
            if (File.Exists(Path.Combine(candidate, KbFileLoader.ManifestFileName)))
            {
                return candidate;
            }
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "kb");
        return File.Exists(Path.Combine(shipped, KbFileLoader.ManifestFileName)) ? shipped : null;
    }

    /// <summary>File name of the red-flag rules in a KB folder.</summary>
    public const string TriageRulesFileName = "triage-rules.yaml";

    /// <summary>The red-flag rules of the default KB folder, if there are any.</summary>
    public static string? DefaultTriageRulesFile() => DefaultKbFile(TriageRulesFileName);

    /// <summary>File name of the synonym map in a KB folder.</summary>
    public const string SynonymsFileName = "synonyms.txt";

    /// <summary>The synonym file of the default KB folder, if there is one.</summary>
    public static string? DefaultSynonymsFile() => DefaultKbFile(SynonymsFileName);

    /// <summary>File name of the source rules lint uses (general pages, claim wording, shared sources) in a KB folder.</summary>
    public const string SourceRulesFileName = "source-rules.yaml";

    /// <summary>The source rules of the default KB folder, if there are any.</summary>
    public static string? DefaultSourceRulesFile() => DefaultKbFile(SourceRulesFileName);

    private static string? DefaultKbFile(string name)
    {
        var folder = DefaultKbFolder();
        var file = folder is null ? null : Path.Combine(folder, name);
        return file is not null && File.Exists(file) ? file : null;
    }
}
