using MemoryPack;
using Lucene.Net.Store;
using Stride.Knowledge;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Stride.Search;

/// <summary>
/// What opening a saved index needs besides Lucene's own files, written beside them by <c>stride index</c> so that
/// opening is a read, not a rebuild: the entries (<see cref="EntriesFile"/>, in the order they were indexed) and the
/// focus-name map the searcher would otherwise derive from every entry (<see cref="FocusNamesFile"/>). Both are
/// MemoryPack binary.
/// </summary>
/// <remarks>
/// On MedQuAD (47,457 entries) reading each entry back from Lucene's stored fields took about 2.3 s and deriving the
/// focus names about 2.4 s on every start; the same two files as JSON (index format 2) still took about 1 s to parse.
/// Now the focus names are MemoryPack and the entries are kept as bytes until read (docs/benchmarks.md, "Opening a
/// saved index"). The index manifest covers them like every other file, so a damaged one is found before it is read.
/// </remarks>
internal static class IndexLoadData
{
    /// <summary>The entries, in ordinal order (<see cref="SavedEntries"/>: each decoded when first read).</summary>
    public const string EntriesFile = "stride-entries.bin";

    /// <summary>The focus-name map (<see cref="FocusNameMap"/>), with every collection in the order it was built.</summary>
    public const string FocusNamesFile = "stride-focus-names.bin";

    // UTF-8 keeps the names the size of their text (MemoryPack's default is UTF-16).
    private static readonly MemoryPackSerializerOptions Format = MemoryPackSerializerOptions.Utf8;

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static void Write(LuceneDirectory directory, IReadOnlyList<KbEntry> entries, FocusNameMap focusNames)
    {
        WriteFile(directory, EntriesFile, MemoryPackSerializer.Serialize(SavedEntries.From(entries), Format));
        WriteFile(directory, FocusNamesFile, MemoryPackSerializer.Serialize(focusNames.ToSaved(), Format));
    }

    /// <summary>Reads the entries, or null when the index has no entries file.</summary>
    public static SavedEntries? ReadEntries(LuceneDirectory directory) =>
        ReadFile(directory, EntriesFile) is { } bytes
            ? MemoryPackSerializer.Deserialize<SavedEntries>(bytes, Format) ?? throw new InvalidDataException("the entries file holds nothing")
            : null;

    /// <summary>Reads the focus-name map, or null when the index has none saved (it is then built from the entries).</summary>
    public static FocusNameMap? ReadFocusNames(LuceneDirectory directory) =>
        ReadFile(directory, FocusNamesFile) is { } bytes
            ? FocusNameMap.FromSaved(MemoryPackSerializer.Deserialize<SavedFocusNames>(bytes, Format) ?? throw new InvalidDataException("the focus-names file holds nothing"))
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

        if (directory is FSDirectory folder)
        {
            // One read of the whole file: Lucene's buffered input copies a 40 MB file in small chunks, several
            // times slower.
            return File.ReadAllBytes(Path.Combine(folder.Directory.FullName, name));
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
/// <param name="Prefixes">Every run of leading words of every name.</param>
/// <param name="NameStems">Every analysed word of every name.</param>
/// <remarks>MemoryPack writes a dictionary in its enumeration order and reads it back by adding in that order, so the order is kept.</remarks>
[MemoryPackable]
internal sealed partial record SavedFocusNames(
    Dictionary<string, string[]> Names,
    Dictionary<string, string[]> Acronyms,
    Dictionary<string, string> WrittenWords,
    HashSet<string> Prefixes,
    HashSet<string> NameStems);
