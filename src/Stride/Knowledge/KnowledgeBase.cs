using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Stride.Knowledge;

/// <summary>
/// A named, versioned, immutable collection of entries. A reload builds a new snapshot; readers never lock.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, KbEntry> _byId;

    // Hashing every answer of a large collection (MedQuAD: 45 MB of text) takes a noticeable part of opening a saved
    // index, and most runs never ask for the hash: it is worked out on first use.
    private readonly Lazy<string> _contentHash;

    private KnowledgeBase(string name, string version, ImmutableArray<KbEntry> entries, FrozenDictionary<string, KbEntry> byId)
    {
        Name = name;
        Version = version;
        Entries = entries;
        _byId = byId;
        _contentHash = new Lazy<string>(() => ComputeHash(entries), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The collection's name, for example <c>stride</c>.</summary>
    public string Name { get; }

    /// <summary>The collection's version, as its authors give it.</summary>
    public string Version { get; }

    /// <summary>All entries, in the order they were imported.</summary>
    public ImmutableArray<KbEntry> Entries { get; }

    /// <summary>SHA-256 of the entries' content, hex: changes whenever any entry changes.</summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>The topics used by the entries, Stride's own topics first.</summary>
    public IReadOnlyList<string> TopicsInUse =>
        [.. Entries.Select(e => e.Topic).Distinct(StringComparer.Ordinal).OrderBy(Topics.Order).ThenBy(t => t, StringComparer.Ordinal)];

    /// <summary>Finds an entry by id.</summary>
    public KbEntry? Find(string id) => _byId.GetValueOrDefault(id);

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
            : new KnowledgeBaseResult(new KnowledgeBase(name, version, list, byId.ToFrozenDictionary(StringComparer.Ordinal)), []);
    }

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
