namespace Stride.Search.Pipeline;

/// <summary>
/// Weighs a message's words by idf: typos corrected against the index vocabulary, acronyms of names spelt out, words of
/// the story around its questions and numbers outside names counting less. Thread-safe.
/// </summary>
internal sealed class ConceptWeigher
{
    // A word of this many letters or more may be a typo worth correcting; shorter ones are too often other words.
    private const int CorrectableLength = 4;

    private readonly SearchIndex _index;
    private readonly IndexVocabulary _vocabulary;
    private readonly SearchOptions _options;

    /// <summary>Weighs words by the statistics of <paramref name="index"/>.</summary>
    public ConceptWeigher(SearchIndex index, SearchOptions options)
    {
        _index = index;
        _vocabulary = index.Vocabulary;
        _options = options;
    }

    /// <summary>The query's concepts with their idf weight, typos corrected against the index vocabulary.</summary>
    /// <param name="query">The message.</param>
    /// <param name="corrections">The query's corrections so far (focus lookup has filled them).</param>
    /// <param name="acronyms">The words the message writes as acronyms of names.</param>
    /// <param name="focusTerms">The words of the names the message is mainly about.</param>
    /// <param name="asking">The words the message asks with, or null when its story is not told apart.</param>
    public List<WeightedConcept> Weigh(string query, QueryCorrections corrections, HashSet<string> acronyms, HashSet<string> focusTerms, HashSet<string>? asking)
    {
        var result = new List<WeightedConcept>();
        var unknownWeight = _options.UnknownWordShare * _vocabulary.MaxIdf;
        foreach (var concept in _index.Analysis.Concepts(query))
        {
            var emphasis = Emphasis(concept.Term, asking);
            // An acronym of a name ("DVT") stands for the name's words too, as a synonym would.
            var known = concept.AllTerms.Concat(acronyms.Contains(concept.Term) ? _vocabulary.FocusNames.AcronymWords(concept.Term) : [])
                .Where(t => _vocabulary.DocumentFrequency(t) > 0).Distinct(StringComparer.Ordinal).ToList();
            if (known.Count == 0 && concept.Term.Length >= CorrectableLength && !concept.Term.Any(char.IsDigit))
            {
                var corrected = corrections.ForWord(concept.Term);
                if (corrected.Count > 0)
                {
                    // A guessed word counts less: the guess may be wrong ("exactly" is not "exact"). It counts fully when
                    // it completes the name of a condition or drug with its neighbours ("plantar fasiciitis").
                    var trust = corrected.Any(focusTerms.Contains) ? 1.0 : _options.GuessedWordWeight;
                    result.Add(Corrected(concept.Term, corrected, trust * corrected.Max(_vocabulary.Idf) * emphasis, emphasis));
                    continue;
                }
            }

            // A rare word whose correction is part of a name the question gives is that name misspelt: "fasiciitis" next
            // to "plantar" is "fasciitis", and "gabamentine" alone is "gabapentin".
            if (known.Count > 0 && !focusTerms.Contains(concept.Term) && corrections.TryGet(concept.Term, out var nameFixes) && nameFixes.Any(focusTerms.Contains))
            {
                var fixes = nameFixes.Where(focusTerms.Contains).ToList();
                result.Add(Corrected(concept.Term, fixes, fixes.Max(_vocabulary.Idf) * emphasis, emphasis));
                continue;
            }

            var weight = known.Count == 0 ? unknownWeight
                : known.Contains(concept.Term) ? _vocabulary.Idf(concept.Term)
                : known.Max(_vocabulary.Idf);

            // Numbers are rare words, so idf rates them highly, but outside a name ("type 2 diabetes") a number in a
            // message is an age, a dose or a time ("my father is 65", "30 mg", "4.5 months") and says little about the
            // subject; "age 65" should not make a health-screening page for men over 65 the answer about leg pain.
            if (IsNumber(concept.Term) && !focusTerms.Contains(concept.Term))
            {
                weight *= _options.NumberWeight;
            }

            result.Add(new WeightedConcept(concept.Term, known.Where(t => t != concept.Term).ToList(), weight * emphasis, Corrected: false, Unknown: known.Count == 0)
            {
                Boost = emphasis,
                AlternativeStrength = _options.SynonymMatchStrength,
            });
        }

        return result;
    }

    private WeightedConcept Corrected(string term, List<string> corrections, double weight, double emphasis) =>
        new(term, corrections, weight, Corrected: true) { Boost = emphasis, AlternativeStrength = _options.CorrectionMatchStrength };

    private static bool IsNumber(string term) => term.Any(char.IsDigit) && term.All(c => char.IsDigit(c) || c is '.' or ',');

    /// <summary>1 for a word the message asks with; <see cref="SearchOptions.ContextWordWeight"/> for a word only its story uses.</summary>
    private double Emphasis(string term, HashSet<string>? asking) =>
        asking is null || asking.Contains(term) ? 1.0 : _options.ContextWordWeight;
}
