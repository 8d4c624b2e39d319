using System.Collections.Immutable;
using System.Text;

namespace Stride.Knowledge;

/// <summary>
/// The file-system door to the importers, for hosts (CLI, web, benchmarks): reads files and folders, checks
/// that text is UTF-8, picks the importer, and builds one snapshot — or none at all when anything is wrong.
/// </summary>
/// <remarks>
/// A folder holding <c>kb.yaml</c> is a Stride KB folder: the manifest names the collection and the entries
/// are read from its <c>entries/</c> folder. Any other folder is walked recursively for importable files.
/// </remarks>
public static class KbFileLoader
{
    /// <summary>Name of the manifest file of a Stride KB folder.</summary>
    public const string ManifestFileName = "kb.yaml";

    /// <summary>
    /// The largest file imported, in bytes: far above any real collection file (MedQuAD's largest is under 1 MB), low
    /// enough that a wrong path cannot exhaust memory.
    /// </summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    // Links inside a folder are not followed: a "self -> ." link would read the same files forever and an
    // "up -> .." link would read outside the folder given.
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lists the files a path stands for (the file itself, or the importable files of a folder, sorted).</summary>
    public static IReadOnlyList<string> ExpandPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            return [];
        }

        var root = File.Exists(Path.Combine(path, ManifestFileName)) ? Path.Combine(path, "entries") : path;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(root, "*", Walk)
            .Where(f => KbFormats.ByExtension.ContainsKey(Path.GetExtension(f)))
            .ToList();

        // A tree holding XML is a MedQuAD-style collection: its other files (read-me notes, judgment tables) are
        // documentation or evaluation data, never entries, and must not leak into the index.
        if (files.Any(f => Path.GetExtension(f).Equals(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            files = [.. files.Where(f => Path.GetExtension(f).Equals(".xml", StringComparison.OrdinalIgnoreCase))];
        }

        return [.. files
            .Where(f => !Path.GetFileName(f).Equals("readme.txt", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).Equals("license.txt", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Imports every path (files or folders) and builds one snapshot. On any error the result holds the errors and
    /// no snapshot, so the caller keeps whatever knowledge base it was using.
    /// </summary>
    public static KnowledgeBaseLoad Load(IReadOnlyList<string> paths, KbFormat? format = null, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var diagnostics = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        var files = new List<string>();
        string? name = null, version = null;
        foreach (var path in paths)
        {
            var expanded = ExpandPath(path);
            if (expanded.Count == 0)
            {
                diagnostics.Add(ImportDiagnostic.Error(path, 0, Directory.Exists(path)
                    ? "the folder holds no importable files (.yaml, .txt, .xml, .jsonl, .csv, .tsv)"
                    : "no such file or folder"));
                continue;
            }

            var manifest = Path.Combine(path, ManifestFileName);
            if (File.Exists(manifest))
            {
                var read = ImportFile(manifest, KbFormat.Yaml);
                diagnostics.AddRange(read.Diagnostics);
                name ??= read.Name;
                version ??= read.Version;
            }

            files.AddRange(expanded);
        }

        var results = new ImportResult[files.Count];
        var done = 0;
        Parallel.For(0, files.Count, i =>
        {
            results[i] = ImportFile(files[i], format);
            progress?.Report((Interlocked.Increment(ref done), files.Count));
        });

        var combined = ImportResult.Combine(results);
        diagnostics.AddRange(combined.Diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new KnowledgeBaseLoad(null, diagnostics.ToImmutable(), files.Count);
        }

        name = FirstNonBlank(name, combined.Name, paths.Count == 1 ? Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(Path.GetFullPath(paths[0]))) : null, "imported");
        version = FirstNonBlank(version, combined.Version, "imported");
        var kb = KnowledgeBase.Create(name, version, combined.Entries);
        diagnostics.AddRange(kb.Errors);
        return new KnowledgeBaseLoad(kb.KnowledgeBase, diagnostics.ToImmutable(), files.Count);
    }

    private static string FirstNonBlank(params string?[] candidates) => candidates.First(c => !string.IsNullOrWhiteSpace(c))!;

    /// <summary>Imports one file, reporting invalid UTF-8 with its line instead of reading garbage.</summary>
    public static ImportResult ImportFile(string file, KbFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] bytes;
        try
        {
            // A device or a pipe reports length 0, as does an empty file; none is a knowledge base. Checking before
            // opening matters: opening a pipe waits for a writer, and /dev/zero never ends.
            var info = new FileInfo(file);
            if (info.Length == 0)
            {
                return ImportResult.Failed(ImportDiagnostic.Error(file, 0, "the file is empty, or is not a regular file (a device or a pipe); nothing to import"));
            }

            if (info.Length > MaxFileBytes)
            {
                return ImportResult.Failed(ImportDiagnostic.Error(file, 0, $"the file is {info.Length / (1024 * 1024)} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB per file"));
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ImportResult.Failed(ImportDiagnostic.Error(file, 0, $"cannot read the file: {ex.Message}"));
        }

        var text = DecodeUtf8(bytes, file, out var error);
        if (error is not null)
        {
            return ImportResult.Failed(error);
        }

        var chosen = format ?? KbFormats.Detect(file, text.Length > 512 ? text[..512] : text);
        using var reader = new StringReader(text);
        return KbFormats.ImporterFor(chosen).Import(reader, file);
    }

    /// <summary>Decodes strict UTF-8 (a byte-order mark is allowed); on failure says on which line the bad byte is.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string sourceName, out ImportDiagnostic? error)
    {
        error = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, ex.Index);
            var prefix = bytes[..Math.Min(offset, bytes.Length)];
            var line = prefix.Count((byte)'\n') + 1;
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? $"0x{unknown[0]:X2}" : "a byte";
            error = ImportDiagnostic.Error(sourceName, line, $"the text is not UTF-8 ({bad} cannot be read); save the file as UTF-8 and try again");
            return string.Empty;
        }
    }
}

/// <summary>The outcome of <see cref="KbFileLoader.Load"/>.</summary>
/// <param name="KnowledgeBase">The new snapshot, or null when any error was found.</param>
/// <param name="Diagnostics">Every warning and error, each with file and line.</param>
/// <param name="FileCount">How many files were read.</param>
public sealed record KnowledgeBaseLoad(KnowledgeBase? KnowledgeBase, ImmutableArray<ImportDiagnostic> Diagnostics, int FileCount)
{
    /// <summary>The errors only.</summary>
    public IEnumerable<ImportDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
