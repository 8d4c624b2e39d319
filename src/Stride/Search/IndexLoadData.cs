using System.Text.Json;
using Lucene.Net.Store;
using Stride.Knowledge;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Stride.Search;

/// <summary>
/// What opening a saved index needs besides Lucene's own files, written beside them by <c>stride index</c> so that
/// opening is a read, not a rebuild: the entries (<see cref="EntriesFile"/>: one JSON array, in the order they were
/// indexed) and the focus-name map the searcher would otherwise derive from every entry (<see cref="FocusNamesFile"/>).
/// </summary>
/// <remarks>
/// On MedQuAD (47,457 entries) reading each entry back from Lucene's stored fields took about 2.3 s and deriving the
/// focus names about 2.4 s on every start; both files are read in a fraction of that (docs/benchmarks.md). The index
/// manifest covers them like every other file, so a damaged one is found before it is read.
/// </remarks>
internal static class IndexLoadData
{
    /// <summary>The entries, one JSON array in ordinal order.</summary>
    public const string EntriesFile = "stride-entries.json";

    /// <summary>The focus-name map (<see cref="FocusNameMap"/>), with every collection in the order it was built.</summary>
    public const string FocusNamesFile = "stride-focus-names.json";

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static void Write(LuceneDirectory directory, IReadOnlyList<KbEntry> entries, FocusNameMap focusNames)
    {
        WriteFile(directory, EntriesFile, JsonSerializer.SerializeToUtf8Bytes(entries, KbEntryJson.Options));
        WriteFile(directory, FocusNamesFile, JsonSerializer.SerializeToUtf8Bytes(focusNames.ToSaved(), KbEntryJson.Options));
    }

    /// <summary>Reads the entries, or null when the index has no entries file.</summary>
    public static KbEntry[]? ReadEntries(LuceneDirectory directory) =>
        ReadFile(directory, EntriesFile) is { } bytes
            ? JsonSerializer.Deserialize<KbEntry[]>(bytes, KbEntryJson.Options) ?? throw new JsonException("the entries file holds null")
            : null;

    /// <summary>Reads the focus-name map, or null when the index has none saved (it is then built from the entries).</summary>
    public static FocusNameMap? ReadFocusNames(LuceneDirectory directory) =>
        ReadFile(directory, FocusNamesFile) is { } bytes
            ? FocusNameMap.FromSaved(JsonSerializer.Deserialize<SavedFocusNames>(bytes, KbEntryJson.Options) ?? throw new JsonException("the focus-names file holds null"))
            : null;

    private static void WriteFile(LuceneDirectory directory, string name, byte[] bytes)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        output.WriteBytes(bytes, 0, bytes.Length);
    }

    private static byte[]? ReadFile(LuceneDirectory directory, string name)
    {
        if (!directory.ListAll().Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        using var input = directory.OpenInput(name, IOContext.READ_ONCE);
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }
}

/// <summary>A <see cref="FocusNameMap"/> as saved: each collection in the order it was built.</summary>
/// <param name="Names">Each name (analysed words) with the focuses it names.</param>
/// <param name="Acronyms">Each acronym with the words of the names it stands for.</param>
/// <param name="WrittenWords">Each word of a name as written, with its analysed form.</param>
/// <remarks>JSON objects keep their members' order, and a dictionary read from one keeps it too.</remarks>
internal sealed record SavedFocusNames(
    Dictionary<string, string[]> Names,
    Dictionary<string, string[]> Acronyms,
    Dictionary<string, string> WrittenWords);

