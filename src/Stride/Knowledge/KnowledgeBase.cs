using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Stride.Knowledge;

/// <summary>
/// A named, versioned, immutable collection of entries. A reload builds a new snapshot; readers never lock.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly EntryStore _store;
    private readonly Dictionary<string, int> _ordinalById;

    // A saved index decodes its entries one by one as questions need them; the whole list is built only for the
    // callers that want every entry (lint, autocomplete, topic pages).
    private readonly Lazy<ImmutableArray<KbEntry>> _entries;

    // Hashing every answer of a large collection (MedQuAD: 45 MB of text) takes a noticeable part of opening a saved
    // index, and most runs never ask for the hash: it is worked out on first use (a saved index brings it along).
    private readonly Lazy<string> _contentHash;

    private KnowledgeBase(string name, string version, EntryStore store, Dictionary<string, int> ordinalById, string? contentHash = null)
    {
        Name = name;
        Version = version;
        _store = store;
        _ordinalById = ordinalById;
        _entries = new Lazy<ImmutableArray<KbEntry>>(
            () => [.. Enumerable.Range(0, store.Count).Select(store.At)], LazyThreadSafetyMode.ExecutionAndPublication);
        _contentHash = contentHash is null
            ? new Lazy<string>(() => ComputeHash(Entries), LazyThreadSafetyMode.ExecutionAndPublication)
            : new Lazy<string>(contentHash);
    }

    /// <summary>The collection's name, for example <c>stride</c>.</summary>
    public string Name { get; }

    /// <summary>The collection's version, as its authors give it.</summary>
    public string Version { get; }

    /// <summary>All entries, in the order they were imported.</summary>
    public ImmutableArray<KbEntry> Entries => _entries.Value;

    /// <summary>How many entries there are (without reading them).</summary>
    public int Count => _store.Count;

    /// <summary>SHA-256 of the entries' content, hex: changes whenever any entry changes.</summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>The topics used by the entries, Stride's own topics first.</summary>
    public IReadOnlyList<string> TopicsInUse =>
        [.. Enumerable.Range(0, _store.Count).Select(_store.TopicAt).Distinct(StringComparer.Ordinal).OrderBy(Topics.Order).ThenBy(t => t, StringComparer.Ordinal)];

    /// <summary>Finds an entry by id.</summary>
    public KbEntry? Find(string id) => _ordinalById.TryGetValue(id, out var ordinal) ? _store.At(ordinal) : null;

    /// <summary>The entry at <paramref name="ordinal"/> (0 to <see cref="Count"/> - 1, in import order).</summary>
    internal KbEntry EntryAt(int ordinal) => _store.At(ordinal);

    /// <summary>The id of the entry at <paramref name="ordinal"/>, without reading the entry.</summary>
    internal string IdAt(int ordinal) => _store.IdAt(ordinal);

    /// <summary>
    /// Creates a snapshot. Fails with diagnostics (never throws) when ids repeat or an entry has no question.
    /// </summary>
    public static KnowledgeBaseResult Create(string name, string version, IEnumerable<KbEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(entries);

        var list = entries.ToImmutableArray();
        var errors = new List<ImportDiagnostic>();
        var byId = new Dictionary<string, KbEntry>(StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                errors.Add(ImportDiagnostic.Error(entry.Origin ?? name, 0, "an entry has no id"));
            }
            else if (!byId.TryAdd(entry.Id, entry))
            {
                var first = byId[entry.Id].Origin ?? "an earlier entry";
                errors.Add(ImportDiagnostic.Error(entry.Origin ?? name, 0, $"duplicate id '{entry.Id}' (first used at {first})"));
            }

            if (string.IsNullOrWhiteSpace(entry.Question))
            {
                errors.Add(ImportDiagnostic.Error(entry.Origin ?? name, 0, $"entry '{entry.Id}' has no question"));
            }
        }

        return errors.Count > 0
            ? new KnowledgeBaseResult(null, [.. errors])
            : new KnowledgeBaseResult(new KnowledgeBase(name, version, EntryStore.InMemory(list), OrdinalsById(list.Select(e => e.Id))), []);
    }

    /// <summary>
    /// A snapshot over the entries of a saved index, decoded when first read. The index was checked when it was built
    /// (and its files against their checksums when opened), so only what is cheap to check is checked again: the parts
    /// of the file agree and no id repeats.
    /// </summary>
    internal static KnowledgeBaseResult FromSaved(string name, string version, string contentHash, SavedEntries saved)
    {
        if (saved.Inconsistency() is { } problem)
        {
            return new KnowledgeBaseResult(null, [ImportDiagnostic.Error(name, 0, problem)]);
        }

        var seen = new HashSet<string>(saved.Ids.Length, StringComparer.Ordinal);
        if (saved.Ids.FirstOrDefault(id => !seen.Add(id)) is { } repeated)
        {
            return new KnowledgeBaseResult(null, [ImportDiagnostic.Error(name, 0, $"duplicate id '{repeated}'")]);
        }

        return new KnowledgeBaseResult(new KnowledgeBase(name, version, EntryStore.Saved(saved), OrdinalsById(saved.Ids), contentHash), []);
    }

    // A plain dictionary: it is only read once built, and a frozen one took ten times longer to build over MedQuAD's ids.
    private static Dictionary<string, int> OrdinalsById(IEnumerable<string> ids) =>
        ids.Select((id, ordinal) => KeyValuePair.Create(id, ordinal)).ToDictionary(StringComparer.Ordinal);

    private static string ComputeHash(ImmutableArray<KbEntry> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in entries)
        {
            Append(hash, e.Id);
            Append(hash, e.Question);
            foreach (var a in e.Alternates)
            {
                Append(hash, a);
            }

            Append(hash, e.Answer);
            Append(hash, e.Topic);
            foreach (var s in e.Sources)
            {
                Append(hash, s.Title);
                Append(hash, s.Url);
            }

            foreach (var r in e.Related)
            {
                Append(hash, r);
            }

            Append(hash, e.Focus ?? string.Empty);
            Append(hash, e.QuestionType ?? string.Empty);
            Append(hash, string.Join(',', e.Flags));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(value));
        hash.AppendData([0]);
    }
}

/// <summary>The outcome of <see cref="KnowledgeBase.Create"/>: a snapshot, or the errors that prevented it.</summary>
/// <param name="KnowledgeBase">The snapshot, or null when there were errors.</param>
/// <param name="Errors">Why the snapshot could not be built.</param>
public sealed record KnowledgeBaseResult(KnowledgeBase? KnowledgeBase, ImmutableArray<ImportDiagnostic> Errors)
{
    /// <summary>True when the snapshot was built.</summary>
    public bool Succeeded => KnowledgeBase is not null;
}
