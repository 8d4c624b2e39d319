namespace Stride.Search.Pipeline;

/// <summary>
/// Reads a message into an <see cref="AnalysedQuery"/>: its words weighted (typos fixed, story words weighing less),
/// the conditions or drugs it names (and those its topic line names, and those it names as an effect), and the kinds
/// of answer it wants. Thread-safe: each call keeps its own state.
/// </summary>
internal sealed class QueryAnalyzer
{
    private readonly SearchIndex _index;
    private readonly IndexVocabulary _vocabulary;
    private readonly SearchOptions _options;
    private readonly IndexTermCorrector _corrector;
    private readonly QueryFocusFinder _focuses;
    private readonly ConceptWeigher _weigher;

    /// <summary>Analyses messages against the vocabulary of <paramref name="index"/>.</summary>
    public QueryAnalyzer(SearchIndex index, SearchOptions options)
    {
        _index = index;
        _vocabulary = index.Vocabulary;
        _options = options;
        _corrector = new IndexTermCorrector(index);
        _focuses = new QueryFocusFinder(index, options);
        _weigher = new ConceptWeigher(index, options);
    }

    /// <summary>What <paramref name="query"/> asks.</summary>
    public AnalysedQuery Analyse(string query)
    {
        var corrections = NewCorrections();
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        var focuses = _focuses.Detect(query, corrections, acronyms);
        var focusTerms = _focuses.FocusTerms(focuses);
        var sentences = MessageSplitter.Split(query);
        var askingText = AskingText(sentences);
        var concepts = _weigher.Weigh(query, corrections, acronyms, focusTerms, askingText is null ? null : AskingTerms(askingText, focusTerms));

        // The type of answer wanted comes from what the message asks, not from its story ("my dentist prescribed 500 mg").
        var wantedTypes = _options.QuestionTypeWeight > 0 ? QuestionTypeClassifier.Classify(askingText ?? query) : [];
        var effects = wantedTypes.Contains(MedQuadSections.Causes) ? EffectFocuses(sentences, corrections) : [];
        var topicFocuses = TopicFocuses(sentences, corrections);

        // Stored questions are compared with what the message asks, not with its story: "my dentist prescribed it ...
        // is it ok if I am allergic?" is not "Why is it prescribed?".
        var asked = concepts.Where(c => c.Boost >= 1.0).ToList();
        if (!asked.Any(c => !c.Unknown))
        {
            asked = concepts;
        }

        return new AnalysedQuery(concepts, asked, StrengthByTerm(asked), StrengthByTerm(concepts), focuses, topicFocuses, wantedTypes, effects);
    }

    /// <summary>
    /// The names of the conditions or drugs <paramref name="text"/> is mainly about, as the collection spells them,
    /// most clearly named first.
    /// </summary>
    public IReadOnlyList<string> FocusNames(string text) => _focuses.FocusNames(text, NewCorrections());

    private QueryCorrections NewCorrections() => new(_corrector, _vocabulary.FocusSpeller);

    /// <summary>
    /// The conditions or drugs a message's opening topic line names ("Amlodipine", "Ear wax."): the writer's own
    /// label for what the message is about, which outranks whatever else the story mentions.
    /// </summary>
    private HashSet<string> TopicFocuses(IReadOnlyList<MessageSentence> sentences, QueryCorrections corrections)
    {
        if (_options.TopicFocusWeight <= 0 || sentences is not [{ Role: SentenceRole.Topic } topic, _, ..])
        {
            return [];
        }

        return [.. _focuses.FocusNames(topic.Text, corrections)];
    }

    /// <summary>
    /// The conditions or drugs a message names as an effect: after "cause" ("does X cause Y", "a cause of Y"), or
    /// before "caused by" ("is Y caused by X").
    /// </summary>
    private HashSet<string> EffectFocuses(IReadOnlyList<MessageSentence> sentences, QueryCorrections corrections)
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
            effects.UnionWith(_focuses.FocusNames(effectText, corrections));
        }

        return effects;
    }

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

    /// <summary>Every index word the concepts stand for, with how strongly (1 typed, less for corrections and synonyms).</summary>
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
}
