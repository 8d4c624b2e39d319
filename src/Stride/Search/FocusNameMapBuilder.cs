using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Stride.Search;

/// <summary>
/// Builds the <see cref="FocusNameMap"/> of an index from its entries: their focus and its synonyms, rewordings by the
/// synonym table, endings and beginnings people use for long names, and acronyms.
/// </summary>
internal static partial class FocusNameMapBuilder
{
    /// <summary>Reads the focus names of <paramref name="index"/>.</summary>
    public static FocusNameMap Build(SearchIndex index)
    {
        var focusByStems = BuildFocusMap(index);
        var acronymWords = AddAcronyms(index, focusByStems);
        return new FocusNameMap(focusByStems, acronymWords, FocusWords(index));
    }

    /// <summary>Each word of every focus name as written (lowercase), with its analysed form.</summary>
    private static Dictionary<string, string> FocusWords(SearchIndex index)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, name) in NamedFocuses(index))
        {
            foreach (var word in name.ToLowerInvariant().Split(NonLetter, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4))
            {
                if (!words.ContainsKey(word) && index.Analysis.Terms(word) is [var stem])
                {
                    words[word] = stem;
                }
            }
        }

        return words;
    }

    private static readonly char[] NonLetter = [' ', '-', ',', '(', ')', '/', '\'', '.', ':', ';', '"', '[', ']', '&', '+'];

    /// <summary>Every focus of the index with each of its names: the focus itself and its synonyms.</summary>
    private static IEnumerable<(string Focus, string Name)> NamedFocuses(SearchIndex index) =>
        index.KnowledgeBase.Entries
            .Where(e => e.Focus is not null)
            .DistinctBy(e => e.Focus)
            .SelectMany(e => e.FocusSynonyms.Prepend(e.Focus!).Select(name => (e.Focus!, name)));

    private static void AddTo(Dictionary<string, HashSet<string>> sets, string key, IEnumerable<string> values)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(values);
    }

    /// <summary>Every focus name and synonym, as analysed words, with the focus it names.</summary>
    private static Dictionary<string, HashSet<string>> BuildFocusMap(SearchIndex index)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (focus, name) in NamedFocuses(index).Where(n => !IsAcronymSynonym(n.Focus, n.Name)))
        {
            var stems = index.Analysis.Terms(name);
            if (stems.Count > 0)
            {
                AddTo(map, string.Join(' ', stems), [focus]);
            }
        }

        // A name worded with the synonym table's other words is the same name: "hypoglycemia in newborns" names "Low
        // blood sugar - newborns". Variants never replace a name the collection itself uses.
        var variants = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, focuses) in map)
        {
            foreach (var variant in index.Analysis.Synonyms.Variants(key.Split(' '), MaxNameVariants))
            {
                var variantKey = string.Join(' ', variant);
                if (!map.ContainsKey(variantKey))
                {
                    AddTo(variants, variantKey, focuses);
                }
            }
        }

        foreach (var (key, focuses) in variants)
        {
            map[key] = focuses;
        }

        AddNameEndings(map);
        AddNameBeginnings(map, index);
        return map;
    }

    /// <summary>
    /// People write "DVT" for "deep vein thrombosis" and "NPH" for "normal pressure hydrocephalus". An acronym stands
    /// for a name when the name spells it out in brackets ("Klippel-Trenaunay syndrome (KTS)"), or when it is the
    /// initials of a name of three to six words and the entries about that name use it themselves, so "cat" is never
    /// taken for "chronic anal tear". Acronyms of more than three names, or that are names themselves, are left out.
    /// The acronyms found become names in <paramref name="map"/> (unless they are names already); the result maps each
    /// to the words of the names it stands for.
    /// </summary>
    private static Dictionary<string, string[]> AddAcronyms(SearchIndex index, Dictionary<string, HashSet<string>> map)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (focus, name) in NamedFocuses(index))
        {
            if (IsAcronymSynonym(focus, name))
            {
                if (index.Analysis.Terms(name) is [var listed] && index.Analysis.Terms(focus) is { Count: > 0 } focusWords)
                {
                    AddTo(names, listed, [string.Join(' ', focusWords)]);
                }

                continue;
            }

            var spelledOut = BracketedAcronym().Match(name);
            var plain = spelledOut.Success ? name.Remove(spelledOut.Index, spelledOut.Length) : name;
            var key = string.Join(' ', index.Analysis.Terms(plain));
            var nameWords = NameWord().Matches(plain).Select(m => m.Value).Where(w => !AcronymSkips.Contains(w)).ToList();
            var initials = nameWords.Count is >= 3 and <= 6 ? string.Concat(nameWords.Select(w => char.ToLowerInvariant(w[0]))) : null;
            foreach (var (acronym, trusted) in new[] { (spelledOut.Success ? spelledOut.Groups[1].Value : null, true), (initials, false) })
            {
                if (acronym is null || key.Length == 0 || index.Analysis.Terms(acronym) is not [var stem] || stem.Length < 3
                    || (!trusted && !UsedAbout(index, focus, stem)))
                {
                    continue;
                }

                AddTo(names, stem, [key]);
            }
        }

        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (acronym, keys) in names.Where(n => n.Value.Count <= 3))
        {
            var focuses = keys.Where(map.ContainsKey).SelectMany(k => map[k]).ToHashSet(StringComparer.Ordinal);
            if (focuses.Count is > 0 and <= 3)
            {
                map.TryAdd(acronym, focuses);
                words[acronym] = [.. keys.SelectMany(k => k.Split(' ')).Distinct(StringComparer.Ordinal)];
            }
        }

        return words;
    }

    /// <summary>
    /// True for a synonym that is an acronym in capitals ("MED", "GPA"): it counts only where a question writes it like
    /// one, since in lower case it is often an everyday word ("any ideas from the Med centre").
    /// </summary>
    private static bool IsAcronymSynonym(string focus, string name) =>
        name != focus && name.Length is >= 2 and <= 5 && name.All(char.IsLetterOrDigit) && name.Any(char.IsLetter) && !name.Any(char.IsLower);

    /// <summary>True when some entry about <paramref name="focus"/> uses the word <paramref name="stem"/>.</summary>
    private static bool UsedAbout(SearchIndex index, string focus, string stem)
    {
        // Most initials are used nowhere; asking the term dictionary first spares a search for each of them.
        if (index.Reader.DocFreq(new Term(IndexFields.All, stem)) == 0)
        {
            return false;
        }

        return UsedAboutCount(index, [focus], stem) > 0;
    }

    private static readonly HashSet<string> AcronymSkips = new(["of", "and", "the", "with", "in", "to", "for", "a", "an", "or", "on", "due", "by"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedAcronym();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();

    /// <summary>
    /// People name a drug without its form: "methylprednisolone" for "Methylprednisolone Oral". The first word of a name of two or more words stands for it when that word is
    /// specific (used by at most one entry in <see cref="SpecificWordShare"/>, at least half of them about those
    /// names), is no name itself, and begins at most four names ("sleep" in "sleep apnea", "swollen" in "swollen
    /// gums" are used about too much else to count).
    /// </summary>
    private static void AddNameBeginnings(Dictionary<string, HashSet<string>> map, SearchIndex index)
    {
        var maxEntries = Math.Max(MinSpecificEntries, index.Reader.NumDocs / SpecificWordShare);
        var beginnings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, focuses) in map)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            if (space >= 5 && !map.ContainsKey(key[..space]))
            {
                AddTo(beginnings, key[..space], focuses);
            }
        }

        foreach (var (first, focuses) in beginnings.Where(b => b.Value.Count <= 4 && !b.Key.Any(char.IsDigit)))
        {
            var used = index.Reader.DocFreq(new Term(IndexFields.All, first));
            if (used > 0 && used <= maxEntries && 2 * UsedAboutCount(index, focuses, first) >= used)
            {
                map[first] = focuses;
            }
        }
    }

    /// <summary>How many entries about any of <paramref name="focuses"/> use the word <paramref name="stem"/>.</summary>
    private static int UsedAboutCount(SearchIndex index, IEnumerable<string> focuses, string stem)
    {
        var about = new BooleanQuery();
        foreach (var focus in focuses)
        {
            about.Add(new TermQuery(new Term(IndexFields.FocusKey, focus)), Occur.SHOULD);
        }

        var query = new BooleanQuery
        {
            { about, Occur.MUST },
            { new TermQuery(new Term(IndexFields.All, stem)), Occur.MUST },
        };
        return index.Searcher.Search(query, 1).TotalHits;
    }

    /// <summary>At most this many rewordings of one name by the synonym table.</summary>
    private const int MaxNameVariants = 8;

    /// <summary>A word used by at most one entry in this many is specific enough to stand for a name it begins.</summary>
    private const int SpecificWordShare = 200;

    /// <summary>In a small collection, a word used by at most this many entries is specific enough.</summary>
    private const int MinSpecificEntries = 5;

    /// <summary>
    /// People leave the first words of long names out: "sleep paralysis" for "isolated sleep paralysis", "macular
    /// degeneration" for "age-related macular degeneration". The last two or more words of a name of three or more
    /// stand for it when they are not a name themselves, have no number ("age 65", "type 1") and belong to at most three
    /// names.
    /// </summary>
    private static void AddNameEndings(Dictionary<string, HashSet<string>> map)
    {
        var endings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, focuses) in map)
        {
            var words = key.Split(' ');
            for (var start = 1; start + 2 <= words.Length && words.Length >= 3; start++)
            {
                var ending = string.Join(' ', words[start..]);
                if (!map.ContainsKey(ending) && !ending.Any(char.IsDigit))
                {
                    AddTo(endings, ending, focuses);
                }
            }
        }

        foreach (var (ending, focuses) in endings.Where(e => e.Value.Count <= 3))
        {
            map[ending] = focuses;
        }
    }
}
