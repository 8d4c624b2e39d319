namespace Stride.Triage;

/// <summary>
/// Reads what a person writes about their back and says how urgently they need care, and why.
/// </summary>
/// <remarks>
/// A rule engine over normalised words, with NegEx-style context: a red-flag phrase does not count when a negation
/// cue stands shortly before it in the same clause ("no numbness", "I don't have any weakness") or a denial follows
/// it ("bladder control is fine"), when its sentence talks about the past ("used to … years ago"), or when its
/// sentence is a general question rather than a report ("what are the signs of cauda equina?"). Everything it
/// decides is explainable: each reason names the rule and quotes the words that fired it.
/// </remarks>
public sealed class TriageEngine
{
    /// <summary>The longest text accepted, in characters.</summary>
    public const int MaxLength = 5000;

    private const int NegationWindow = 6;
    private const int AfterWindow = 4;

    private readonly TriageRuleSet _rules;

    /// <summary>Creates an engine over a rule set, with optional second readers that can raise a result to their level.</summary>
    public TriageEngine(TriageRuleSet rules, IEnumerable<WordReader>? readers = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        Readers = [.. (readers ?? []).OrderByDescending(r => r.Level)];
    }

    /// <summary>The rules in use.</summary>
    public TriageRuleSet Rules => _rules;

    /// <summary>The second readers, most urgent level first (empty when the rules decide alone).</summary>
    public IReadOnlyList<WordReader> Readers { get; }

    /// <summary>Returns why <paramref name="text"/> cannot be triaged, or null when it can.</summary>
    public static string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the text is empty: describe what you feel, for example \"my lower back hurts when I walk\"";
        }

        // Counted in text elements, as people see them: an emoji is one character.
        return text.Length > MaxLength && new System.Globalization.StringInfo(text).LengthInTextElements is var length && length > MaxLength
            ? $"the text is {length} characters long; the limit is {MaxLength}. Please shorten it."
            : null;
    }

    /// <summary>Triages <paramref name="text"/>; it must pass <see cref="Validate"/>.</summary>
    public TriageResult Triage(string text)
    {
        if (Validate(text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        // Each sentence's context (which clauses are hypothetical or past) is worked out once, not once per rule.
        var split = TextClauses.Split(text);
        var sentences = split.Select((s, i) => new SentenceContext(s, _rules, i + 1 < split.Count && IsBareNo(split[i + 1]))).ToList();
        var reasons = new List<TriageReason>();
        foreach (var rule in _rules.Rules)
        {
            var evidence = Evidence(rule, rule.Patterns, rule.Unless, rule.CheckNegation, sentences, text);
            if (evidence is null)
            {
                continue;
            }

            if (rule.Requires.Any(group => Evidence(rule, group, [], rule.CheckRequiresNegation, sentences, text) is null))
            {
                continue;
            }

            reasons.Add(new TriageReason(rule.Id, rule.Level, evidence, rule.Explanation));
        }

        var ordered = reasons.OrderByDescending(r => r.Level).ToList();
        var level = ordered.Count == 0 ? TriageLevel.Selfcare : ordered[0].Level;
        // Whether the text reads as English is only needed when a reader could raise the level or nothing was found.
        var english = new Lazy<bool>(() => ReadsAsEnglish(split), LazyThreadSafetyMode.None);

        // A sentence framed as a general question ("for homework, ...", "just curious") is not read by the readers
        // either: the rules already say it reports nothing. A message with no report cue at all ("my", "I have",
        // "since", "he can't": the rules' `report` list) needs a higher chance (WordReader.ThresholdWithoutReport):
        // "how many people have back pain" describes no one, and the readers called such short questions emergencies.
        var reported = Readers.Any(r => level < r.Level) ? split.Where(s => !_rules.Framing.Any(p => p.IsIn(s.Tokens))).ToList() : [];
        var reportsSomething = reported.Count > 0 && split.Any(s => _rules.Report.Any(p => p.IsIn(s.Tokens)));
        foreach (var reader in reported.Count > 0 && english.Value ? Readers : [])
        {
            // The rules found nothing this urgent, but the wording is close to messages that described it: a miss
            // costs far more than an extra call, so a second reader may raise the result (never lower it).
            if (level < reader.Level && reader.Read(text, reported) is var reading && reader.Raises(reading, level, reportsSomething))
            {
                ordered.Insert(0, new TriageReason(WordReader.RuleName, reader.Level, reading.Evidence, reader.Explanation));
                level = reader.Level;
                break;
            }
        }

        if (ordered.Count == 0 && _rules.UnreadableAdvice is { } unreadable && !english.Value)
        {
            // "me duele la espalda y no puedo orinar" matches no English rule; saying "no warning sign recognised"
            // would be false comfort, so say that it could not be read, and show the emergency signs.
            return new TriageResult(level, ordered, unreadable, _rules.EmergencyChecklist) { Understood = false };
        }

        return new TriageResult(level, ordered, _rules.Advice[level], level == TriageLevel.Emergency ? [] : _rules.EmergencyChecklist);
    }

    /// <summary>The words of the first reported (not negated, not past, not hypothetical) match, or null.</summary>
    private string? Evidence(TriageRule rule, IReadOnlyList<PhrasePattern> patterns, IReadOnlyList<PhrasePattern> unless, bool checkNegation,
        List<SentenceContext> sentences, string text)
    {
        foreach (var context in sentences)
        {
            // "fever? no. weight loss? no." answers each sign in the sentence after it.
            if (checkNegation && context.AnsweredNo)
            {
                continue;
            }

            if (FirstReport(rule, patterns, unless, checkNegation, context) is { } match)
            {
                var tokens = context.Sentence.Tokens;
                return text[tokens[match.First].Start..tokens[match.Last].End];
            }
        }

        return null;
    }

    /// <summary>The first match in one sentence that reports the sign, or null.</summary>
    private PhrasePattern.PhraseMatch? FirstReport(TriageRule rule, IReadOnlyList<PhrasePattern> patterns, IReadOnlyList<PhrasePattern> unless,
        bool checkNegation, SentenceContext context)
    {
        var tokens = context.Sentence.Tokens;
        List<(int First, int Last)>? lookAlikes = null;
        foreach (var pattern in patterns)
        {
            foreach (var match in pattern.MatchParts(tokens))
            {
                // Look-alikes are found once, and only in a sentence where a pattern matched: most sentences match
                // nothing, and a rule's 'unless' list is often longer than its patterns. One that the writer doubts
                // ("thought it was from sitting") does not count.
                lookAlikes ??= [.. unless.SelectMany(u => u.Matches(tokens)).Where(m => !IsDoubted(tokens, m.First))];
                if (lookAlikes.Any(l => !IsContrasted(tokens, l, match)))
                {
                    continue;
                }

                // Each composed concept is checked where it stands: in "bladder fine, no loss of control" both are
                // denied; in "no fever, can't pee" only the fever is.
                if ((!checkNegation || !match.Parts.Any(p => IsNegated(tokens, p.First, p.Last)))
                    && (rule.AllowConditional || !match.Parts.Any(p => context.IsHypothetical(p.First)))
                    && (rule.AllowHistory || !match.Parts.Any(p => context.IsHistorical(p.First))))
                {
                    return match;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when a contrast ("but", "however") stands between a look-alike and a sign after it: in "normally it eases
    /// when I sit, but today both legs went numb" the look-alike speaks of other days. The other way round, what
    /// follows the "but" is the correction ("night sweats, but my room is 28C") and the look-alike counts.
    /// </summary>
    private bool IsContrasted(Token[] tokens, (int First, int Last) lookAlike, PhrasePattern.PhraseMatch sign)
    {
        var (from, to) = (lookAlike.Last + 1, sign.First - 1);
        for (var end = from; end <= to; end++)
        {
            if (_rules.Contrast.Any(p => p.EndsAt(tokens, from, end)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a doubt cue ("thought it was", "assumed it was") stands just before a look-alike.</summary>
    private bool IsDoubted(Token[] tokens, int at)
    {
        var from = Math.Max(0, at - 4);
        for (var end = from; end < at; end++)
        {
            if (_rules.Doubt.Any(p => p.EndsAt(tokens, from, end)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsNegated(Token[] tokens, int first, int last)
    {
        // Look back to the nearest clause boundary (a comma, "but", "however", ...) or the window's edge: in
        // "no fever, can't pee" the "no" belongs to the fever.
        var from = Math.Max(0, first - NegationWindow);
        for (var i = first - 1; i >= from; i--)
        {
            if (tokens[i].Clause != tokens[first].Clause)
            {
                from = i + 1;
                break;
            }

            if (_rules.ScopeEnd.Any(p => p.EndsAt(tokens, Math.Max(0, i - 2), i)))
            {
                from = i + 1;
                break;
            }
        }

        for (var end = from; end < first; end++)
        {
            if (_rules.NegationBefore.Any(p => p.EndsAt(tokens, from, end)))
            {
                return true;
            }
        }

        var afterEnd = Math.Min(tokens.Length - 1, last + AfterWindow);
        for (var end = last + 1; end <= afterEnd; end++)
        {
            if (tokens[end].Clause != tokens[last].Clause || _rules.ScopeEnd.Any(p => p.EndsAt(tokens, last + 1, end)))
            {
                break;
            }

            if (_rules.NegationAfter.Any(p => p.EndsAt(tokens, last + 1, end)))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReadsAsEnglish(IReadOnlyList<Sentence> sentences)
    {
        var words = sentences.SelectMany(s => s.Tokens).Where(t => t.Text.Any(char.IsLetter)).ToList();

        // Two words are too few to judge ("dolor espalda" is rare; "back ache" is common).
        return words.Count < 3 || (double)words.Count(w => _rules.EnglishWords.Contains(w.Text)) / words.Count >= _rules.MinEnglishShare;
    }

    // The answer is the whole sentence ("no."), its whole first clause ("no, calves are fine"), or says "just" or
    // "only" ("nope just dye from my jeans", "only the roof"). The rest of that sentence is read on its own as usual, so "can't pee?
    // No, I haven't been able to since last night" still reports the sign.
    private bool IsBareNo(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        return _rules.AnsweredNo.Any(p => p.Matches(tokens).Any(m => m.First == 0
            && (m.Last == tokens.Length - 1 || tokens[m.Last + 1].Clause != tokens[m.Last].Clause || tokens.Take(m.Last + 1).Any(t => t.Text is "just" or "only"))));
    }

    /// <summary>One sentence with what its clauses are doing, each worked out at most once.</summary>
    private sealed class SentenceContext(Sentence sentence, TriageRuleSet rules, bool answeredNo)
    {
        /// <summary>True when the next sentence is a bare "no" answering this one ("night pain? no.").</summary>
        public bool AnsweredNo { get; } = answeredNo;

        private readonly Dictionary<int, bool> _hypothetical = [];
        private readonly Dictionary<int, bool> _historical = [];

        public Sentence Sentence { get; } = sentence;

        /// <summary>
        /// True when the clause of the match asks about a sign rather than reporting it: a conditional ("if I lost
        /// control of my bladder, would that be an emergency?") always; a general question ("what are the signs of
        /// ...") unless the same clause also reports something ("I have", "since yesterday"). Only the match's own
        /// clause counts, so "I can't pee, what if it's serious?" is still a report.
        /// </summary>
        public bool IsHypothetical(int at)
        {
            var clause = Sentence.Tokens[at].Clause;
            if (!_hypothetical.TryGetValue(clause, out var value))
            {
                var tokens = ClauseTokens(clause);

                // A framing such as "for homework," or "for a leaflet I'm writing," makes the whole sentence a
                // general question, not only its own clause.
                value = rules.Framing.Any(p => p.IsIn(Sentence.Tokens))
                    || rules.Conditional.Any(p => p.Matches(tokens).Any(m => !MeansWhether(tokens, m.First)))
                    || (rules.Hypothetical.Any(p => p.IsIn(tokens)) && !rules.Report.Any(p => p.IsIn(tokens)));
                _hypothetical[clause] = value;
            }

            return value;
        }

        /// <summary>
        /// True when the sentence talks about the past and the clause of the match does not bring it back to now
        /// ("now", "again", "since"): a past cue ("used to", "years ago") counts up to the end of the match's clause,
        /// so "he's confused and asked for my mum who died 3 years ago" is still a report; a cue that something has
        /// resolved ("that's gone now", "cleared up") counts anywhere in the sentence.
        /// </summary>
        public bool IsHistorical(int at)
        {
            var clause = Sentence.Tokens[at].Clause;
            if (!_historical.TryGetValue(clause, out var value))
            {
                var upToClause = Sentence.Tokens.TakeWhile(t => t.Clause <= clause).ToArray();
                var resolved = rules.Resolved.SelectMany(p => p.Matches(Sentence.Tokens)).ToList();
                var past = resolved.Count > 0 || rules.History.Any(p => p.IsIn(upToClause));

                // The words of a resolution cue do not bring the sign back to now: in "had a fever last week, which
                // is gone now" the "now" belongs to "gone now".
                var clauseWords = Sentence.Tokens.Where((t, i) => t.Clause == clause && !resolved.Any(r => r.First <= i && i <= r.Last)).ToArray();
                value = past && !rules.NotHistory.Any(p => p.IsIn(clauseWords));
                _historical[clause] = value;
            }

            return value;
        }

        // "can't tell if my bladder is full" asks nothing hypothetical: the "if" means "whether".
        private bool MeansWhether(Token[] tokens, int at) => at > 0 && rules.Whether.Any(p => p.EndsAt(tokens, at - 1, at));

        private Token[] ClauseTokens(int clause) => [.. Sentence.Tokens.Where(t => t.Clause == clause)];
    }
}
