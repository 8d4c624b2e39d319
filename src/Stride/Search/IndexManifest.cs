using System.IO.Hashing;
using System.Text.Json;

namespace Stride.Search;

/// <summary>
/// A saved index's own description (<c>stride-index.json</c>): the index format and analyser it was written with, and
/// the size and checksum (XxHash128) of every file. Checked before an index is opened, so a truncated, corrupted or
/// foreign folder gives one clear message instead of a stack trace from deep inside Lucene.
/// </summary>
/// <remarks>
/// The checksum guards against damage, not tampering (whoever can edit the files can edit the manifest), so a fast
/// non-cryptographic hash is enough: SHA-256 of MedQuAD's 60 MB took a tenth of a second at every start.
/// </remarks>
public static class IndexManifest
{
    /// <summary>The manifest's file name inside an index folder.</summary>
    public const string FileName = "stride-index.json";

    /// <summary>
    /// Version of the text analysis an index was built with; bump it when analysis changes what is indexed (stop
    /// words, stemming, synonyms handling), so older indexes are rebuilt rather than silently mismatched.
    /// </summary>
    public const string AnalyserVersion = "1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the manifest of the finished index in <paramref name="folder"/>.</summary>
    public static void Write(string folder, int entries, string kbHash)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetFileName(f) != FileName)
            .Order(StringComparer.Ordinal)
            .Select(f => new IndexFile(Path.GetFileName(f), new FileInfo(f).Length, Hash(f)))
            .ToList();
        var manifest = new Manifest(IndexFields.FormatVersion, AnalyserVersion, entries, kbHash, files);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>True when <paramref name="folder"/> holds a manifest, that is, an index Stride wrote.</summary>
    public static bool IsPresent(string folder) => File.Exists(Path.Combine(folder, FileName));

    /// <summary>
    /// Returns why the index in <paramref name="folder"/> cannot be used (damaged, incomplete, or from another
    /// version), or null when every file is as the manifest says.
    /// </summary>
    public static string? Verify(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return "it has no manifest (it was not written by this version of 'stride index')";
        }

        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            manifest = null;
        }

        if (manifest?.Files is null)
        {
            return "its manifest cannot be read";
        }

        if (manifest.Format != IndexFields.FormatVersion || manifest.Analyser != AnalyserVersion)
        {
            return $"it was written by another version (format {manifest.Format}, analyser {manifest.Analyser}; this version reads format {IndexFields.FormatVersion}, analyser {AnalyserVersion})";
        }

        foreach (var file in manifest.Files)
        {
            var full = Path.Combine(folder, Path.GetFileName(file.Name));
            if (!File.Exists(full))
            {
                return $"the file {file.Name} is missing";
            }

            if (new FileInfo(full).Length != file.Size || !string.Equals(Hash(full), file.Checksum, StringComparison.Ordinal))
            {
                return $"the file {file.Name} has changed since the index was written";
            }
        }

        return null;
    }

    private static string Hash(string file)
    {
        var hash = new XxHash128();
        using (var stream = File.OpenRead(file))
        {
            hash.Append(stream);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private sealed record Manifest(string Format, string Analyser, int Entries, string KbHash, List<IndexFile> Files);

    private sealed record IndexFile(string Name, long Size, string Checksum);
}
