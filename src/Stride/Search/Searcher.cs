using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using Stride.Knowledge;

namespace Stride.Search;

/// <summary>
/// Finds the entries that answer a free-text question: BM25 candidates over question, alternates, focus and answer
/// (with synonyms and typo correction), then reranking by question-to-question similarity and query coverage.
/// </summary>
/// <remarks>
/// User text is never given to a query parser: queries are built from analysed terms, so <c>AND</c>, <c>*</c>,
/// quotes and <c>:</c> are just characters. The confidence is a logistic function of two 0..1 measures of the
/// match itself (not of the BM25 score, whose scale changes with every query), so a threshold means the same
/// for every question.
/// </remarks>
public sealed class Searcher
{
    private readonly SearchIndex _index;
    private readonly SearchOptions _options;

    // Per-index statistics and caches, shared by every searcher over the same index whatever its options.
    private readonly IndexVocabulary _vocabulary;

    /// <summary>Creates a searcher over <paramref name="index"/>.</summary>
    public Searcher(SearchIndex index, IOptions<SearchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _options = options.Value;
        _vocabulary = index.Vocabulary;
    }

    /// <summary>The index searched.</summary>
    public SearchIndex Index => _index;

    /// <summary>Ranks candidate entries for <paramref name="query"/>, best first; near-duplicates are removed.</summary>
    public IReadOnlyList<SearchHit> Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (concepts, focuses, topicFocuses, wantedTypes, effects) = Analyse(query);

        // Single letters count next to words ("hepatitis c", "vitamin d") but are no question on their own ("é", "x").
        if (concepts.All(c => c.Term.Length < 2))
        {
            return [];
        }

        var top = _index.Searcher.Search(BuildQuery(concepts, focuses), _options.CandidateCount);
        if (top.ScoreDocs.Length == 0)
        {
            return [];
        }

        var maxBm25 = top.ScoreDocs.Max(d => d.Score);
        // Stored questions are compared with what the message asks, not with its story: "my dentist prescribed it ...
        // is it ok if I am allergic?" is not "Why is it prescribed?".
        var asked = concepts.Where(c => c.Boost >= 1.0).ToList();
        if (!asked.Any(c => !c.Unknown))
        {
            asked = concepts;
        }

        var queryTerms = StrengthByTerm(asked);
        var messageTerms = StrengthByTerm(concepts);

        // "Does the message contain the stored question?" matters for long, rambling messages; for a short question,
        // cosine similarity already says it. So its weight grows from nothing at 4 words to full at 12.
        var askedWeight = _options.QuestionCoverageWeight * Math.Clamp((concepts.Count - 4) / 8.0, 0, 1);
        // The confidence model was fitted on short questions; for long messages the stored-question coverage below
        // takes over, so confidence's share of the order fades out the way that weight fades in.
        var blend = _options.ConfidenceRankWeight * (1 - Math.Clamp((concepts.Count - 4) / 8.0, 0, 1));
        var ranked = new List<(SearchHit Hit, EntryTerms Terms, double Key)>(top.ScoreDocs.Length);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var entry = _index.EntryAt(scoreDoc.Doc);
            var terms = _vocabulary.TermsOf(scoreDoc.Doc);
            var similarity = terms.Questions.Max(q => Cosine(asked, q));
            var contained = askedWeight > 0 ? terms.Questions.Max(q => StoredQuestionCoverage(queryTerms, q)) : 0;
            var (coverage, evidence) = Coverage(concepts, terms.All);
            var focus = entry.Focus is not null && focuses.TryGetValue(entry.Focus, out var strength) ? strength : 0.0;
            var penalty = Penalty(entry) * (focus == 0 && NamesPartly(messageTerms, terms.FocusNames) ? _options.PartlyNamedFocusWeight : 1.0);
            var typeAgrees = TypeAgrees(entry, wantedTypes, effects) ? 1.0 : 0.0;
            var score = penalty * ((_options.Bm25Weight * scoreDoc.Score / maxBm25) + (_options.QuestionSimilarityWeight * similarity)
                + (_options.CoverageWeight * coverage) + (askedWeight * contained) + (_options.FocusWeight * focus) + (_options.QuestionTypeWeight * typeAgrees * (focus > 0 ? 1 : 0.5))
                + (entry.Focus is not null && topicFocuses.Contains(entry.Focus) ? _options.TopicFocusWeight : 0));
            var fitted = penalty * Logistic(
                (_options.ConfidenceSimilarityCoefficient * similarity)
                + (_options.ConfidenceCoverageCoefficient * coverage)
                + (_options.ConfidenceEvidenceCoefficient * evidence)
                + _options.ConfidenceIntercept);

            // The fitted model reads words only. An entry about a condition or drug the message names is on the subject
            // however differently the message words it ("methylprednisolole unable to find info on this med"), so it
            // is shown rather than "no good answer"; the order still follows the fitted model.
            var confidence = Math.Max(fitted, penalty * _options.NamedFocusConfidence * focus);
            ranked.Add((new SearchHit(entry, score, scoreDoc.Score, similarity, coverage, evidence, confidence), terms, ((1 - blend) * score) + (blend * fitted)));
        }

        ranked.Sort((a, b) => b.Key.CompareTo(a.Key));
        var hits = ranked.Select(r => (r.Hit, r.Terms)).ToList();
        bool Wanted(KbEntry entry) => TypeAgrees(entry, wantedTypes, effects);
        if (_options.CatchAllTypes.Count > 0)
        {
            // Catch-all sections ("What other information should I know about X?") share words with any message about X
            // but answer no question in particular, so they follow the page's other sections unless asked for.
            FirstWithinFocus(hits, e => e.QuestionType is not { } type || !_options.CatchAllTypes.Contains(type) || wantedTypes.Contains(type));
        }

        if (_options.WantedTypeFirstWithinFocus && wantedTypes.Count > 0)
        {
            // Which condition a message is about is decided by the whole score, but which of its sections answers is
            // decided by the kind of answer asked for ("how do I prevent shingles" wants "How to prevent Shingles").
            FirstWithinFocus(hits, Wanted);

            // "Can a tooth abscess cause a heart attack?" is answered by what causes heart attacks, however much more
            // the abscess's own pages share the message's rarer words.
            MoveFirst(hits, hits.FindIndex(h => h.Hit.Entry.QuestionType == CausesType && h.Hit.Entry.Focus is { } focus && effects.Contains(focus)));
            if (_options.NarrowerFocusForWantedType)
            {
                NarrowerFocusWithWantedTypeFirst(hits, Wanted);
            }
        }

        return RemoveNearDuplicates(hits);
    }

    /// <summary>
    /// The names of the conditions or drugs <paramref name="text"/> is mainly about, as the collection spells them
    /// (empty for collections that name no focus).
    /// </summary>
    public IReadOnlyList<string> FocusNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FocusNames(text, new Dictionary<string, List<string>>(StringComparer.Ordinal));
    }

    /// <summary><see cref="FocusNames(string)"/>, reusing the typo corrections a query has already looked up.</summary>
    private List<string> FocusNames(string text, Dictionary<string, List<string>> corrections)
    {
        var focuses = _vocabulary.FocusDetector.Detect(FocusPositions(text, corrections, []), SpecificNameWeight);
        return [.. MainFocuses(focuses).OrderByDescending(f => f.Value).Select(f => f.Key)];
    }

    /// <summary>
    /// The conditions or drugs a message's opening topic line names ("Amlodipine", "Ear wax."): the writer's own
    /// label for what the message is about, which outranks whatever else the story mentions.
    /// </summary>
    private HashSet<string> TopicFocuses(IReadOnlyList<MessageSentence> sentences, Dictionary<string, List<string>> corrections)
    {
        if (_options.TopicFocusWeight <= 0 || sentences is not [{ Role: SentenceRole.Topic } topic, _, ..])
        {
            return [];
        }

        return [.. FocusNames(topic.Text, corrections)];
    }

    /// <summary>
    /// What a message asks: its words weighted (typos fixed, story words weighing less), the conditions or drugs it
    /// names (and those its topic line names), and the kinds of answer it wants.
    /// </summary>
    private (List<WeightedConcept> Concepts, Dictionary<string, double> Focuses, HashSet<string> TopicFocuses, IReadOnlyList<string> WantedTypes, HashSet<string> Effects) Analyse(string query)
    {
        var corrections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        var focuses = _vocabulary.FocusDetector.Detect(FocusPositions(query, corrections, acronyms), SpecificNameWeight);
        var focusTerms = FocusTerms(focuses);
        var sentences = MessageSplitter.Split(query);
        var askingText = AskingText(sentences);
        var concepts = WeightedConcepts(query, corrections, acronyms, focusTerms, askingText is null ? null : AskingTerms(askingText, focusTerms));

        // The type of answer wanted comes from what the message asks, not from its story ("my dentist prescribed 500 mg").
        var wantedTypes = _options.QuestionTypeWeight > 0 ? QuestionTypeClassifier.Classify(askingText ?? query) : [];
        var effects = wantedTypes.Contains(CausesType) ? EffectFocuses(sentences, corrections) : [];
        return (concepts, focuses, TopicFocuses(sentences, corrections), wantedTypes, effects);
    }

    private static readonly string CausesType = MedQuadSections.Causes;

    /// <summary>
    /// True when the entry is of a kind of answer the message wants. "Causes" is about the effect when the message says
    /// which one: "can a tooth abscess cause a heart attack" wants the causes of heart attacks, not of abscesses.
    /// </summary>
    private static bool TypeAgrees(KbEntry entry, IReadOnlyList<string> wantedTypes, HashSet<string> effects) =>
        entry.QuestionType is { } type && wantedTypes.Contains(type)
        && (type != CausesType || effects.Count == 0 || (entry.Focus is not null && effects.Contains(entry.Focus)));

    /// <summary>
    /// The conditions or drugs a message names as an effect: after "cause" ("does X cause Y", "a cause of Y"), or
    /// before "caused by" ("is Y caused by X").
    /// </summary>
    private HashSet<string> EffectFocuses(IReadOnlyList<MessageSentence> sentences, Dictionary<string, List<string>> corrections)
    {
        if (!_options.CauseNamesEffect)
        {
            return [];
        }

        var effects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences.Where(s => s.Role != SentenceRole.Context))
        {
            var match = QuestionTypeClassifier.CauseCue(sentence.Text);
            if (match is null)
            {
                continue;
            }

            var (cue, effectBefore) = match.Value;
            var effectText = effectBefore ? sentence.Text[..cue.Start] : sentence.Text[cue.End..];
            effects.UnionWith(FocusNames(effectText, corrections));
        }

        return effects;
    }

    /// <summary>The idf weight at which a name the message gives counts fully (see <see cref="SearchOptions.SpecificNameShare"/>).</summary>
    private double SpecificNameWeight => _options.SpecificNameShare * _vocabulary.MaxIdf;

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>Junk is kept out of the top; question-only and cut-off answers are worth a little less.</summary>
    private double Penalty(KbEntry entry) =>
        entry.IsJunk ? 0.05
        : entry.Has(EntryIssue.AnswerRemoved) ? _options.QuestionOnlyWeight
        : entry.Has(EntryIssue.Truncated) ? 0.9
        : 1.0;

    /// <summary>The query's concepts with their idf weight, typos corrected against the index vocabulary.</summary>
    private List<WeightedConcept> WeightedConcepts(string query, Dictionary<string, List<string>> corrections, HashSet<string> acronyms, HashSet<string> focusTerms, HashSet<string>? asking)
    {
        var result = new List<WeightedConcept>();
        var unknownWeight = 0.5 * _vocabulary.MaxIdf;
        foreach (var concept in _index.Analysis.Concepts(query))
        {
            var emphasis = Emphasis(concept.Term, asking);
            // An acronym of a name ("DVT") stands for the name's words too, as a synonym would.
            var known = concept.AllTerms.Concat(acronyms.Contains(concept.Term) ? _vocabulary.FocusNames.AcronymWords(concept.Term) : [])
                .Where(t => _vocabulary.DocumentFrequency(t) > 0).Distinct(StringComparer.Ordinal).ToList();
            if (known.Count == 0 && concept.Term.Length >= 4 && !concept.Term.Any(char.IsDigit))
            {
                var corrected = CorrectionsOf(concept.Term, corrections);
                if (corrected.Count > 0)
                {
                    // A guessed word counts half: the guess may be wrong ("exactly" is not "exact"). It counts fully when
                    // it completes the name of a condition or drug with its neighbours ("plantar fasiciitis").
                    var trust = corrected.Any(focusTerms.Contains) ? 1.0 : 0.5;
                    result.Add(new WeightedConcept(concept.Term, corrected, trust * corrected.Max(_vocabulary.Idf) * emphasis, Corrected: true) { Boost = emphasis });
                    continue;
                }
            }

            // A rare word (in at most three entries) whose correction is part of a name the question gives is that name
            // misspelt: "fasiciitis" next to "plantar" is "fasciitis", and "gabamentine" alone is "gabapentin".
            if (known.Count > 0 && !focusTerms.Contains(concept.Term) && corrections.TryGetValue(concept.Term, out var nameFixes) && nameFixes.Any(focusTerms.Contains))
            {
                var fixes = nameFixes.Where(focusTerms.Contains).ToList();
                result.Add(new WeightedConcept(concept.Term, fixes, fixes.Max(_vocabulary.Idf) * emphasis, Corrected: true) { Boost = emphasis });
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

            result.Add(new WeightedConcept(concept.Term, known.Where(t => t != concept.Term).ToList(), weight * emphasis, Corrected: false, Unknown: known.Count == 0) { Boost = emphasis });
        }

        return result;
    }

    private static bool IsNumber(string term) => term.Any(char.IsDigit) && term.All(c => char.IsDigit(c) || c is '.' or ',');

    /// <summary>1 for a word the message asks with; <see cref="SearchOptions.ContextWordWeight"/> for a word only its story uses.</summary>
    private double Emphasis(string term, HashSet<string>? asking) =>
        asking is null || asking.Contains(term) ? 1.0 : _options.ContextWordWeight;

    /// <summary>
    /// The sentences of a message that ask (its questions and topic line), or null when there is nothing to tell apart:
    /// a single sentence, or no sentence that asks.
    /// </summary>
    private string? AskingText(IReadOnlyList<MessageSentence> sentences)
    {
        if (_options.ContextWordWeight >= 1.0)
        {
            return null;
        }

        if (!sentences.Any(s => s.Role == SentenceRole.Question) || !sentences.Any(s => s.Role == SentenceRole.Context))
        {
            return null;
        }

        // "I hurt my back lifting boxes. What should I do?" asks with no words of its own: the story says what it is about.
        var asking = string.Join(' ', sentences.Where(s => s.Role != SentenceRole.Context).Select(s => s.Text));
        return _index.Analysis.Terms(asking).Count > 0 ? asking : null;
    }

    /// <summary>The words of the names of the conditions or drugs a question is mainly about.</summary>
    private HashSet<string> FocusTerms(Dictionary<string, double> focuses)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (focus, _) in MainFocuses(focuses))
        {
            terms.UnionWith(_index.Analysis.Terms(focus));
        }

        return terms;
    }

    /// <summary>
    /// The focuses a question is mainly about: a strength of at least half, that is named at least half as strongly as
    /// the most specific one ("sciatica" in a question about sciatica in pregnancy, not "pain") and by a name specific
    /// enough (see <see cref="SearchOptions.SpecificNameShare"/>).
    /// </summary>
    private static IEnumerable<KeyValuePair<string, double>> MainFocuses(Dictionary<string, double> focuses) =>
        focuses.Where(f => f.Value >= 0.5);

    /// <summary>
    /// The words a message asks with: those of its asking sentences, and the names of the conditions or drugs it is
    /// about (often named only in the story: "I take effexor. Is there a safe amount?").
    /// </summary>
    private HashSet<string> AskingTerms(string askingText, HashSet<string> focusTerms)
    {
        var asking = new HashSet<string>(_index.Analysis.Terms(askingText), StringComparer.Ordinal);
        asking.UnionWith(focusTerms);
        return asking;
    }

    /// <summary>
    /// The query's words in order for focus lookup: each typed word, plus its typo corrections when nobody or almost
    /// nobody uses it (a misspelt disease name is still that disease; some misspellings are words somewhere).
    /// </summary>
    /// <remarks>
    /// An acronym of a name counts only when it is written like one, in capitals or without vowels ("DVT", "nph"):
    /// "Med" in "any ideas from the Med centre" is no "multiple epiphyseal dysplasia". Acronyms written so are added
    /// to <paramref name="acronyms"/>.
    /// </remarks>
    private List<IReadOnlyList<string>> FocusPositions(string query, Dictionary<string, List<string>> corrections, HashSet<string> acronyms)
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

            var rare = _vocabulary.DocumentFrequency(stem) <= RareDocumentCount;
            if (!rare || stem.Length < 4 || stem.Any(char.IsDigit))
            {
                positions.Add([stem]);
                continue;
            }

            if (!corrections.TryGetValue(stem, out var fixes))
            {
                // Corrections of the stem, and names the word as typed is a slip away from.
                fixes = [.. Corrections(stem).Union(_vocabulary.FocusSpeller.Spellings(written), StringComparer.Ordinal)];
                corrections[stem] = fixes;
            }

            positions.Add(fixes.Prepend(stem).ToList());
        }

        return positions;
    }

    /// <summary>True for a word written like an acronym: in capitals, or without vowels ("DVT", "nph"; not "Med").</summary>
    internal static bool LooksLikeAcronym(string written) =>
        written.Length >= 2 && written.All(char.IsLetterOrDigit)
        && (written.All(c => !char.IsLower(c)) || !written.Any(c => "aeiouyAEIOUY".Contains(c, StringComparison.Ordinal)));

    /// <summary>A word in at most this many entries may be a misspelling of a name.</summary>
    private const int RareDocumentCount = 3;

    private List<string> CorrectionsOf(string term, Dictionary<string, List<string>> cache)
    {
        if (!cache.TryGetValue(term, out var corrected))
        {
            cache[term] = corrected = Corrections(term);
        }

        return corrected;
    }

    /// <summary>Index terms within one or two edits of a word nobody or almost nobody uses (a typo); Lucene keeps the three best.</summary>
    private List<string> Corrections(string term)
    {
        var maxEdits = term.Length >= 7 ? 2 : 1;
        var fuzzy = new FuzzyQuery(new Term(IndexFields.All, term), maxEdits, prefixLength: 1, maxExpansions: 3, transpositions: true);
        var rewritten = fuzzy.Rewrite(_index.Reader);
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        return [.. terms.Select(t => t.Text).Where(t => t != term).Distinct(StringComparer.Ordinal)];
    }

    private BooleanQuery BuildQuery(List<WeightedConcept> concepts, Dictionary<string, double> focuses)
    {
        (string Field, float Boost)[] fields =
        [
            (IndexFields.Question, _options.QuestionBoost),
            (IndexFields.Alternates, _options.AlternatesBoost),
            (IndexFields.Focus, _options.FocusBoost),
            (IndexFields.Answer, _options.AnswerBoost),
        ];

        // One sub-query per concept keeps every BooleanQuery far below Lucene's clause limit, whatever the query length.
        var query = new BooleanQuery();
        foreach (var concept in concepts.Take(200))
        {
            var any = new BooleanQuery();
            foreach (var (field, boost) in fields)
            {
                if (!concept.Corrected)
                {
                    any.Add(new TermQuery(new Term(field, concept.Term)) { Boost = boost }, Occur.SHOULD);
                }

                foreach (var synonym in concept.Alternatives.Take(6))
                {
                    any.Add(new TermQuery(new Term(field, synonym)) { Boost = boost * _options.SynonymWeight }, Occur.SHOULD);
                }
            }

            any.Boost = (float)concept.Boost;
            query.Add(any, Occur.SHOULD);
        }

        // Entries about a focus the question names are candidates even when their wording differs.
        foreach (var (focus, strength) in focuses.OrderByDescending(f => f.Value).Take(5))
        {
            query.Add(new TermQuery(new Term(IndexFields.FocusKey, focus)) { Boost = (float)(_options.FocusBoost * 4 * strength) }, Occur.SHOULD);
        }

        return query;
    }

    private static double Cosine(List<WeightedConcept> concepts, TextTerms text)
    {
        if (text.Terms.Count == 0)
        {
            return 0;
        }

        double dot = 0, queryNorm = 0;

        // Words no entry uses cannot match any question; they lower coverage and evidence, not similarity.
        foreach (var c in concepts.Where(c => !c.Unknown))
        {
            queryNorm += c.Weight * c.Weight;
            dot += c.Weight * c.Weight * c.MatchStrength(text.Terms);
        }

        return queryNorm == 0 ? 0 : Math.Min(1.0, dot / (Math.Sqrt(queryNorm) * text.Norm));
    }

    /// <summary>
    /// Share of a stored question's (idf-weighted) words that the query asks about: high when a long message contains
    /// the stored question, whatever else it says. The reverse of coverage, and a cheap stand-in for entailment.
    /// </summary>
    private double StoredQuestionCoverage(Dictionary<string, double> queryTerms, TextTerms text)
    {
        double matched = 0, total = 0;
        foreach (var term in text.Terms)
        {
            var idf = _vocabulary.Idf(term);
            total += idf;
            matched += idf * queryTerms.GetValueOrDefault(term);
        }

        return total == 0 ? 0 : matched / total;
    }

    /// <summary>Every index word the query stands for, with how strongly (1 typed, 0.9 corrected, 0.8 synonym).</summary>
    private static Dictionary<string, double> StrengthByTerm(List<WeightedConcept> concepts)
    {
        var strength = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in concepts)
        {
            foreach (var term in c.Alternatives.Append(c.Term))
            {
                strength[term] = Math.Max(strength.GetValueOrDefault(term), c.Strength(term));
            }
        }

        return strength;
    }

    /// <summary>
    /// Share of the query's weight the entry matches (relative), and the matched idf weight itself scaled to 0..1
    /// (absolute): a long rambling question can match little of itself yet still match a lot of evidence.
    /// </summary>
    private (double Coverage, double Evidence) Coverage(List<WeightedConcept> concepts, HashSet<string> terms)
    {
        double covered = 0, total = 0;
        foreach (var c in concepts)
        {
            total += c.Weight;
            covered += c.Weight * c.MatchStrength(terms);
        }

        return (total == 0 ? 0 : covered / total, Math.Min(1.0, covered / (_options.EvidenceWords * _vocabulary.MaxIdf)));
    }

    /// <summary>
    /// True when the message uses some words of the entry's focus name but not even half of any of its names (by idf):
    /// "ear wax" is not "Wax poisoning", "find info" (typed "fine") is not "Fine motor control". An entry about
    /// something the message does not name at all is left alone: it may be the answer under another name.
    /// </summary>
    private bool NamesPartly(Dictionary<string, double> messageTerms, HashSet<string>[] focusNames)
    {
        var best = 0.0;
        foreach (var name in focusNames)
        {
            double named = 0, total = 0;
            foreach (var term in name)
            {
                var idf = _vocabulary.Idf(term);
                total += idf;
                named += idf * messageTerms.GetValueOrDefault(term);
            }

            best = Math.Max(best, named / total);
        }

        return best is > 0 and < 0.5;
    }

    /// <summary>
    /// Within the entries about one condition or drug, those <paramref name="preferred"/> accepts take the places the
    /// group already holds, keeping their order; the others follow in theirs. Other entries do not move.
    /// </summary>
    private static void FirstWithinFocus(List<(SearchHit Hit, EntryTerms Terms)> hits, Func<KbEntry, bool> preferred)
    {
        foreach (var group in Enumerable.Range(0, hits.Count).Where(i => hits[i].Hit.Entry.Focus is not null)
            .GroupBy(i => hits[i].Hit.Entry.Focus!, StringComparer.OrdinalIgnoreCase))
        {
            var places = group.ToList();
            var reordered = places.Select(i => hits[i])
                .OrderBy(h => preferred(h.Hit.Entry) ? 0 : 1)
                .ToList();
            for (var k = 0; k < places.Count; k++)
            {
                hits[places[k]] = reordered[k];
            }
        }
    }

    /// <summary>
    /// When the condition or drug the best answer is about has no entry of the kind asked for among the candidates, the
    /// best entry of that kind about a narrower form of it (a name that contains its whole name) comes first: "is
    /// rickets inherited?" is better answered by "Is hereditary hypophosphatemic rickets inherited?" than by "What is
    /// rickets?".
    /// </summary>
    private static void NarrowerFocusWithWantedTypeFirst(List<(SearchHit Hit, EntryTerms Terms)> hits, Func<KbEntry, bool> wanted)
    {
        if (hits.Count == 0 || hits[0].Hit.Entry.Focus is not { } top || hits[0].Terms.FocusNames is not [var name, ..] || name.Count == 0
            || hits.Any(h => wanted(h.Hit.Entry) && string.Equals(h.Hit.Entry.Focus, top, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        MoveFirst(hits, hits.FindIndex(h => wanted(h.Hit.Entry) && !string.Equals(h.Hit.Entry.Focus, top, StringComparison.OrdinalIgnoreCase)
            && h.Terms.FocusNames.Any(name.IsSubsetOf)));
    }

    /// <summary>Moves the hit at <paramref name="index"/> to the top (nothing for -1 or 0).</summary>
    private static void MoveFirst(List<(SearchHit Hit, EntryTerms Terms)> hits, int index)
    {
        if (index > 0)
        {
            var moved = hits[index];
            hits.RemoveAt(index);
            hits.Insert(0, moved);
        }
    }

    private static List<SearchHit> RemoveNearDuplicates(List<(SearchHit Hit, EntryTerms Terms)> hits)
    {
        var kept = new List<(SearchHit Hit, HashSet<string> Question, HashSet<string> Answer)>();
        foreach (var (hit, terms) in hits)
        {
            var question = terms.Questions[0].Terms;
            var answer = terms.Answer;
            // Questions of different kinds are different questions even when their content words are the same: "What to
            // do for leg pain?" is not "What is leg pain?", though all that tells them apart is stop words.
            var duplicate = kept.Any(k =>
                (TermSets.Jaccard(k.Question, question) >= 0.8 && string.Equals(k.Hit.Entry.QuestionType, hit.Entry.QuestionType, StringComparison.OrdinalIgnoreCase)
                    && (TermSets.Jaccard(k.Answer, answer) >= 0.6 || (k.Answer.Count == 0 && answer.Count == 0)))
                || (answer.Count >= 10 && TermSets.Jaccard(k.Answer, answer) >= 0.85));
            if (!duplicate)
            {
                kept.Add((hit, question, answer));
            }
        }

        return [.. kept.Select(k => k.Hit)];
    }

    /// <summary>A query word with its weight and the index words that may stand for it.</summary>
    private sealed record WeightedConcept(string Term, List<string> Alternatives, double Weight, bool Corrected, bool Unknown = false)
    {
        /// <summary>How much the word counts in the BM25 query: less when only the story around the question uses it.</summary>
        public double Boost { get; init; } = 1.0;

        /// <summary>1 when the word itself is present; less when only a synonym (0.8) or a typo correction (0.9) is.</summary>
        public double MatchStrength(HashSet<string> terms)
        {
            if (!Corrected && terms.Contains(Term))
            {
                return 1.0;
            }

            return Alternatives.Any(terms.Contains) ? AlternativeStrength : 0.0;
        }

        /// <summary>How much one index word counts for this concept (0 when it does not stand for it).</summary>
        public double Strength(string term) =>
            !Corrected && term == Term ? 1.0 : Alternatives.Contains(term) ? AlternativeStrength : 0.0;

        private double AlternativeStrength => Corrected ? 0.9 : 0.8;
    }

}
