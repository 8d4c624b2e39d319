namespace Stride.Search;

/// <summary>
/// The names of the conditions and drugs an index's entries are about, as analysed words: each name (focus, synonym,
/// rewording, ending, beginning or acronym) with the focuses it names, every run of leading words of a name, and the
/// words of the names as people write them. Built once per index by <see cref="FocusNameMapBuilder"/>; never changed.
/// </summary>
internal sealed class FocusNameMap
{
    private readonly Dictionary<string, string[]> _focusesByName;
    private readonly HashSet<string> _prefixes;
    private readonly HashSet<string> _nameStems;
    private readonly Dictionary<string, string[]> _acronymWords;

    // The collections are the builder's own and nobody else holds them; their enumeration order is part of the
    // ranking (ties between focuses keep the order they were found in), so they are kept as built, not copied.
    public FocusNameMap(Dictionary<string, HashSet<string>> focusesByName, Dictionary<string, string[]> acronymWords, Dictionary<string, string> writtenWords)
        : this(
            focusesByName.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            acronymWords,
            writtenWords,
            Prefixes(focusesByName.Keys),
            [.. focusesByName.Keys.SelectMany(k => k.Split(' '))])
    {
    }

    private FocusNameMap(Dictionary<string, string[]> focusesByName, Dictionary<string, string[]> acronymWords, Dictionary<string, string> writtenWords,
        HashSet<string> prefixes, HashSet<string> nameStems)
    {
        _focusesByName = focusesByName;
        _acronymWords = acronymWords;
        WrittenWords = writtenWords;
        _prefixes = prefixes;
        _nameStems = nameStems;
    }

    /// <summary>The map as saved with an index, every collection in its built order (the order ranks ties).</summary>
    public SavedFocusNames ToSaved() => new(_focusesByName, _acronymWords,
        WrittenWords.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), _prefixes, _nameStems);

    /// <summary>
    /// The map <see cref="ToSaved"/> wrote, in the same order. The derived sets are saved too: rebuilding them from
    /// MedQuAD's names took a quarter of a second at every start.
    /// </summary>
    public static FocusNameMap FromSaved(SavedFocusNames saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return new FocusNameMap(saved.Names, saved.Acronyms, saved.WrittenWords, saved.Prefixes, saved.NameStems);
    }

    /// <summary>True when the index names no focus at all.</summary>
    public bool IsEmpty => _focusesByName.Count == 0;

    /// <summary>Each word (four letters or more) of every focus name as written (lowercase), with its analysed form.</summary>
    public IReadOnlyDictionary<string, string> WrittenWords { get; }

    /// <summary>True when <paramref name="key"/> (analysed words joined by spaces) is a whole name.</summary>
    public bool IsName(string key) => _focusesByName.ContainsKey(key);

    /// <summary>The focuses the name <paramref name="key"/> names (it must be a name: see <see cref="IsName"/>).</summary>
    public IReadOnlyList<string> FocusesNamed(string key) => _focusesByName[key];

    /// <summary>True when some name starts with (or is) the words of <paramref name="key"/>.</summary>
    public bool IsPrefix(string key) => _prefixes.Contains(key);

    /// <summary>True when <paramref name="stem"/> is a word of some name.</summary>
    public bool IsNameWord(string stem) => _nameStems.Contains(stem);

    /// <summary>
    /// The words of the names an acronym stands for in this collection ("dvt": deep, vein, thrombosis), or nothing
    /// when the word is no acronym of a name.
    /// </summary>
    public IReadOnlyList<string> AcronymWords(string term) => _acronymWords.TryGetValue(term, out var words) ? words : [];

    /// <summary>Every run of leading words of every focus name: "sleep", "sleep apnea" for "sleep apnea".</summary>
    private static HashSet<string> Prefixes(IEnumerable<string> keys)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            for (var space = key.IndexOf(' ', StringComparison.Ordinal); space > 0; space = key.IndexOf(' ', space + 1))
            {
                prefixes.Add(key[..space]);
            }

            prefixes.Add(key);
        }

        return prefixes;
    }
}
