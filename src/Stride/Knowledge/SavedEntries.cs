using System.Collections.Immutable;
using MemoryPack;

namespace Stride.Knowledge;

/// <summary>
/// The entries of a saved index as they are stored: ids and topics ready to use, and each entry's other fields as
/// its own MemoryPack record in one block of bytes, decoded only when that entry is first asked for.
/// </summary>
/// <remarks>
/// Turning all 47,457 MedQuAD entries into objects takes about half a second and 200 MB at every start, though one
/// question reads a few dozen of them (docs/benchmarks.md, "Opening a saved index"). Keeping the bytes and decoding
/// on demand makes opening a read of one file.
/// </remarks>
/// <param name="Ids">Each entry's id, in ordinal order.</param>
/// <param name="TopicNames">The distinct topics.</param>
/// <param name="TopicOf">Each entry's topic, as an index into <paramref name="TopicNames"/>.</param>
/// <param name="Offsets">Where each entry's record starts in <paramref name="Records"/>, and (last) where the block ends.</param>
/// <param name="Records">The entries' records, one after another.</param>
[MemoryPackable]
internal sealed partial record SavedEntries(string[] Ids, string[] TopicNames, int[] TopicOf, int[] Offsets, byte[] Records)
{
    // UTF-8 keeps the records the size of the text (MemoryPack's default UTF-16 would double MedQuAD's answers).
    private static readonly MemoryPackSerializerOptions Format = MemoryPackSerializerOptions.Utf8;

    /// <summary>Stores <paramref name="entries"/>.</summary>
    public static SavedEntries From(IReadOnlyList<KbEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var topicNames = entries.Select(e => e.Topic).Distinct(StringComparer.Ordinal).ToArray();
        var topicIndex = topicNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var offsets = new int[entries.Count + 1];
        using var records = new MemoryStream();
        for (var i = 0; i < entries.Count; i++)
        {
            offsets[i] = checked((int)records.Length);
            records.Write(MemoryPackSerializer.Serialize(entries[i], Format));
        }

        offsets[^1] = checked((int)records.Length);
        return new SavedEntries([.. entries.Select(e => e.Id)], topicNames, [.. entries.Select(e => topicIndex[e.Topic])], offsets, records.ToArray());
    }

    /// <summary>Decodes entry <paramref name="ordinal"/>.</summary>
    public KbEntry Decode(int ordinal) =>
        MemoryPackSerializer.Deserialize<KbEntry>(Records.AsSpan(Offsets[ordinal], Offsets[ordinal + 1] - Offsets[ordinal]), Format)
        ?? throw new InvalidDataException($"entry {ordinal} of the saved index holds nothing");

    /// <summary>Null when the parts agree with each other, else what is wrong (a damaged or foreign file).</summary>
    public string? Inconsistency()
    {
        if (Ids is null || TopicNames is null || TopicOf is null || Offsets is null || Records is null)
        {
            return "a part of the entries file is missing";
        }

        if (TopicOf.Length != Ids.Length || Offsets.Length != Ids.Length + 1)
        {
            return $"the entries file lists {Ids.Length} ids, {TopicOf.Length} topics and {Offsets.Length} offsets";
        }

        for (var i = 0; i < Ids.Length; i++)
        {
            if (Offsets[i] < 0 || Offsets[i] > Offsets[i + 1] || (uint)TopicOf[i] >= (uint)TopicNames.Length)
            {
                return $"entry {i} of the entries file points outside it";
            }
        }

        return Offsets[^1] == Records.Length ? null : "the entries file's records do not end where its offsets say";
    }
}

/// <summary>
/// The entries of a knowledge base: every one in memory (<see cref="InMemory"/>), or decoded from a saved index on
/// first use (<see cref="Saved"/>). Thread-safe: concurrent first reads of one entry publish a single object.
/// </summary>
internal sealed class EntryStore
{
    private readonly KbEntry?[] _entries;
    private readonly SavedEntries? _saved;

    private EntryStore(KbEntry?[] entries, SavedEntries? saved)
    {
        _entries = entries;
        _saved = saved;
    }

    /// <summary>How many entries there are.</summary>
    public int Count => _entries.Length;

    /// <summary>A store over entries already in memory.</summary>
    public static EntryStore InMemory(ImmutableArray<KbEntry> entries) => new([.. entries], null);

    /// <summary>A store that decodes each entry of <paramref name="saved"/> when it is first read.</summary>
    public static EntryStore Saved(SavedEntries saved) => new(new KbEntry?[saved.Ids.Length], saved);

    /// <summary>The id of entry <paramref name="ordinal"/>, without decoding it.</summary>
    public string IdAt(int ordinal) => _saved?.Ids[ordinal] ?? _entries[ordinal]!.Id;

    /// <summary>The topic of entry <paramref name="ordinal"/>, without decoding it.</summary>
    public string TopicAt(int ordinal) => _saved is { } saved ? saved.TopicNames[saved.TopicOf[ordinal]] : _entries[ordinal]!.Topic;

    /// <summary>Entry <paramref name="ordinal"/>.</summary>
    public KbEntry At(int ordinal)
    {
        if (Volatile.Read(ref _entries[ordinal]) is { } entry)
        {
            return entry;
        }

        // Two threads may decode the same entry; the first to publish wins, so callers always see one object.
        var decoded = _saved!.Decode(ordinal);
        return Interlocked.CompareExchange(ref _entries[ordinal], decoded, null) ?? decoded;
    }
}
