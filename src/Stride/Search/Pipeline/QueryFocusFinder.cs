namespace Stride.Search.Pipeline;

/// <summary>
/// Finds the conditions or drugs a text names, typos and acronyms included, and tells the ones it is mainly about.
/// Stateless between calls (corrections live in the caller's <see cref="QueryCorrections"/>), so it is thread-safe.
/// </summary>
internal sealed class QueryFocusFinder
{
    private readonly SearchIndex _index;
    private readonly IndexVocabulary _vocabulary;
    private readonly SearchOptions _options;

    /// <summary>Finds the focuses of <paramref name="index"/>, weighed as <paramref name="options"/> say.</summary>
    public QueryFocusFinder(SearchIndex index, SearchOptions options)
    {
        _index = index;
        _vocabulary = index.Vocabulary;
        _options = options;
    }

    /// <summary>
    /// The focuses <paramref name="text"/> names with how clearly (0..1). Acronyms written like one are added to
    /// <paramref name="acronyms"/>.
    /// </summary>
    public Dictionary<string, double> Detect(string text, QueryCorrections corrections, HashSet<string> acronyms) =>
        _vocabulary.FocusDetector.Detect(FocusPositions(text, corrections, acronyms), SpecificNameWeight);

    /// <summary>The names of the focuses <paramref name="text"/> is mainly about, most clearly named first.</summary>
    public List<string> FocusNames(string text, QueryCorrections corrections) =>
        [.. MainFocuses(Detect(text, corrections, [])).OrderByDescending(f => f.Value).Select(f => f.Key)];

    /// <summary>The words of the names of the conditions or drugs a question is mainly about.</summary>
    public HashSet<string> FocusTerms(Dictionary<string, double> focuses)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (focus, _) in MainFocuses(focuses))
        {
            terms.UnionWith(_index.Analysis.Terms(focus));
        }

        return terms;
    }

    /// <summary>True for a word written like an acronym: in capitals, or without vowels ("DVT", "nph"; not "Med").</summary>
    public static bool LooksLikeAcronym(string written) =>
        written.Length >= 2 && written.All(char.IsLetterOrDigit)
        && (written.All(c => !char.IsLower(c)) || !written.Any(c => "aeiouyAEIOUY".Contains(c, StringComparison.Ordinal)));

    /// <summary>The idf weight at which a name the message gives counts fully (see <see cref="SearchOptions.SpecificNameShare"/>).</summary>
    private double SpecificNameWeight => _options.SpecificNameShare * _vocabulary.MaxIdf;

    /// <summary>
    /// The focuses a question is mainly about: those named at least <see cref="SearchOptions.MainFocusStrength"/> as
    /// clearly as the most specific one ("sciatica" in a question about sciatica in pregnancy, not "pain"), by a name
    /// specific enough (see <see cref="SearchOptions.SpecificNameShare"/>).
    /// </summary>
    private IEnumerable<KeyValuePair<string, double>> MainFocuses(Dictionary<string, double> focuses) =>
        focuses.Where(f => f.Value >= _options.MainFocusStrength);

    /// <summary>
    /// The query's words in order for focus lookup: each typed word, plus its typo corrections when nobody or almost
    /// nobody uses it (a misspelt disease name is still that disease; some misspellings are words somewhere).
    /// </summary>
    /// <remarks>
    /// An acronym of a name counts only when it is written like one, in capitals or without vowels ("DVT", "nph"):
    /// "Med" in "any ideas from the Med centre" is no "multiple epiphyseal dysplasia". Acronyms written so are added
    /// to <paramref name="acronyms"/>.
    /// </remarks>
    private List<IReadOnlyList<string>> FocusPositions(string query, QueryCorrections corrections, HashSet<string> acronyms)
    {
        var positions = new List<IReadOnlyList<string>>();
        foreach (var (stem, written) in _index.Analysis.TermsAsWritten(query))
        {
            if (_vocabulary.FocusNames.AcronymWords(stem).Count > 0)
            {
                if (!LooksLikeAcronym(written))
                {
                    positions.Add([]);
                    continue;
                }

                acronyms.Add(stem);
            }

            var rare = _vocabulary.DocumentFrequency(stem) <= _options.RareNameWordEntries;
            if (!rare || stem.Length < 4 || stem.Any(char.IsDigit))
            {
                positions.Add([stem]);
                continue;
            }

            positions.Add(corrections.ForFocusLookup(stem, written).Prepend(stem).ToList());
        }

        return positions;
    }
}
