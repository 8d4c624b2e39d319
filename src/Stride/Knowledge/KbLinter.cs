namespace Stride.Knowledge;

/// <summary>A problem lint found in a knowledge base.</summary>
/// <param name="EntryId">The entry concerned.</param>
/// <param name="Origin">Where the entry was read from (<c>file:line</c>), if known.</param>
/// <param name="Severity">Errors make lint fail; warnings are advice.</param>
/// <param name="Code">A short stable code such as <c>truncated</c> or <c>reading-level</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record LintFinding(string EntryId, string? Origin, DiagnosticSeverity Severity, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Origin ?? EntryId}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: [{Code}] {EntryId}: {Message}";
}

/// <summary>What lint found, with the knowledge base's overall reading level.</summary>
/// <param name="Findings">Every problem, in entry order.</param>
/// <param name="MeanGrade">Mean Flesch-Kincaid grade of the answers.</param>
/// <param name="EntryCount">Entries checked.</param>
public sealed record LintReport(IReadOnlyList<LintFinding> Findings, double MeanGrade, int EntryCount)
{
    /// <summary>
    /// The findings as lines to read: errors first, then warnings; a warning that many entries share (the same code
    /// and message, such as "no source has an https link") is one line with a count and the first few entries, so it
    /// does not bury the errors.
    /// </summary>
    public IEnumerable<string> Lines(int groupFrom = 3)
    {
        foreach (var error in Findings.Where(f => f.Severity == DiagnosticSeverity.Error))
        {
            yield return error.ToString();
        }

        foreach (var group in Findings.Where(f => f.Severity != DiagnosticSeverity.Error).GroupBy(f => (f.Code, f.Message)))
        {
            var list = group.ToList();
            if (list.Count < groupFrom)
            {
                foreach (var warning in list)
                {
                    yield return warning.ToString();
                }
            }
            else
            {
                yield return $"warning: [{group.Key.Code}] {group.Key.Message}: {list.Count} entries ({string.Join(", ", list.Take(3).Select(f => f.EntryId))}, ...)";
            }
        }
    }

    /// <summary>Number of errors.</summary>
    public int ErrorCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Error);

    /// <summary>Number of warnings.</summary>
    public int WarningCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
}

/// <summary>
/// Checks a knowledge base for answers that should not be shown as they are: cut off or with text left out, lists
/// announced and never given, adverts, off-topic, garbled or run-together text, duplicates, missing sources or related
/// entries, answers that do not match their question, and hard reading. The codes are listed in <c>kb/README.md</c>.
/// </summary>
public sealed class KbLinter
{
    /// <summary>Answers above this Flesch-Kincaid grade get a warning (grade 8 is a reading age of about 12-13).</summary>
    public const double MaxGrade = 8.0;

    /// <summary>Below this share of the question's words found in the answer, the answer probably misses its question.</summary>
    public const double MinOverlap = 0.2;

    private readonly ITermAnalyzer _analysis;
    private readonly KbSourceRules? _sources;

    /// <summary>
    /// Creates a linter that compares questions and answers by the words <paramref name="analysis"/> finds, and, given
    /// <paramref name="sources"/> (<c>kb/source-rules.yaml</c>), also checks that claims have specific sources
    /// (<c>unbacked-claim</c>) and that no source backs too many entries without a reason (<c>overused-source</c>).
    /// </summary>
    public KbLinter(ITermAnalyzer analysis, KbSourceRules? sources = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _analysis = analysis;
        _sources = sources;
    }

    /// <summary>Lints every entry of <paramref name="knowledgeBase"/>.</summary>
    public LintReport Lint(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var findings = new List<LintFinding>();
        var grades = new List<double>();
        var seenQuestions = new Dictionary<string, KbEntry>(StringComparer.Ordinal);
        var seenAnswers = new Dictionary<string, KbEntry>(StringComparer.Ordinal);
        var termSets = new List<(KbEntry Entry, HashSet<string> Question, HashSet<string> Answer)>();
        foreach (var e in knowledgeBase.Entries)
        {
            void Add(DiagnosticSeverity severity, string code, string message) => findings.Add(new LintFinding(e.Id, e.Origin, severity, code, message));

            // Error: a cut-off answer stops mid-thought. Importers flag it; the text check catches it in our own YAML too.
            var truncated = e.Has(EntryIssue.Truncated) || ContentFlagger.IsTruncated(e.Answer);
            if (truncated)
            {
                Add(DiagnosticSeverity.Error, "truncated", "the answer is cut off (ends with '...')");
            }
            else if (ContentFlagger.FirstMidEllipsis(e.Answer) is { } elided)
            {
                // Error, like 'truncated': text was left out in the middle, so the answer is incomplete and the sentences
                // around the gap may not join up. Our house style has no use for an ellipsis in an answer.
                Add(DiagnosticSeverity.Error, "mid-ellipsis", $"text is left out in mid-answer ('{elided}'): give the whole text");
            }

            if (ContentFlagger.FirstUnfinishedList(e.Answer) is { } announced)
            {
                // Error: the answer promises a list ("such as:") and stops, so the part the reader needs is missing.
                Add(DiagnosticSeverity.Error, "missing-list", $"a list is announced but never given ('{announced}')");
            }

            if (ContentFlagger.FirstRunTogetherWord(e.Question + "\n" + e.Answer) is { } runTogether)
            {
                // Warning, not error: the text is still readable, and a real name spelled in mixed case that is not yet
                // in Resources/mixed-case-words.v1.txt looks the same; add such a name there.
                Add(DiagnosticSeverity.Warning, "run-together", $"'{runTogether}' looks like two words run together: add the space, or list a real name in mixed-case-words");
            }

            // Error: an advert, a discount or a clinic's number to call is a sale, not an answer; Stride must not pass it on.
            // An importer flags a page's advert entries; the text check catches adverts in any format, our own YAML too.
            if (e.Has(EntryIssue.Promotional))
            {
                Add(DiagnosticSeverity.Error, "promotional", "the entry advertises a service instead of answering");
            }
            else if (ContentFlagger.FirstPromotion(e.Question + "\n" + e.Answer) is { } advert)
            {
                Add(DiagnosticSeverity.Error, "promotional", $"the entry advertises ('{advert}'): take out the sales talk, discount or number to call");
            }

            if (e.Has(EntryIssue.OffTopic))
            {
                Add(DiagnosticSeverity.Error, "off-topic", "the entry is not about the collection's subject");
            }

            if (e.Has(EntryIssue.Garbled))
            {
                Add(DiagnosticSeverity.Error, "garbled", "the text looks garbled (scraped captions or repeated words)");
            }

            if (e.Answer.Length == 0)
            {
                Add(e.Has(EntryIssue.AnswerRemoved) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, "no-answer", "the entry has no answer text");
            }

            if (e.Sources.Length == 0)
            {
                Add(DiagnosticSeverity.Error, "no-source", "the entry names no source");
            }
            else if (e.Sources.FirstOrDefault(s => s.Url.Length > 0 && !(Uri.TryCreate(s.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))) is { } unsafeLink)
            {
                // A link is shown to people and clicked: "javascript:" or "file:" in a KB is an attack or a mistake.
                Add(DiagnosticSeverity.Error, "unsafe-link", $"the source link '{unsafeLink.Url}' is not an http or https address");
            }
            else if (!e.Sources.Any(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps))
            {
                Add(DiagnosticSeverity.Warning, "no-source-link", "no source has an https link");
            }

            if (_sources is not null && e.Sources.Length > 0 && e.Sources.All(s => _sources.IsGeneral(s.Url)) && _sources.FirstClaim(e.Answer) is { } claim)
            {
                Add(DiagnosticSeverity.Error, "unbacked-claim", $"the answer states evidence or a figure ('{claim}') but every source is a general page: cite the review, trial or specific page");
            }

            // Error: a related id that names no entry is a dead "related question" link, and it usually means an entry
            // was renamed or removed without updating the entries that point to it.
            foreach (var missing in e.Related.Where(r => knowledgeBase.Find(r) is null).Distinct(StringComparer.Ordinal))
            {
                Add(DiagnosticSeverity.Error, "missing-related", $"the related id '{missing}' is not an entry of this knowledge base");
            }

            if (new[] { e.Question, e.Answer, e.Topic }.Concat(e.Alternates).Concat(e.Sources.Select(s => s.Title)).Any(HasControlCharacters))
            {
                Add(DiagnosticSeverity.Error, "control-characters", "the text holds control characters (they can clear a terminal or hide text)");
            }

            var questionTerms = _analysis.Terms(e.Question).ToHashSet(StringComparer.Ordinal);
            var answerTerms = _analysis.Terms(e.Answer).ToHashSet(StringComparer.Ordinal);
            if (e.Answer.Length > 0 && questionTerms.Count > 0)
            {
                var overlap = (double)questionTerms.Count(answerTerms.Contains) / questionTerms.Count;
                if (overlap < MinOverlap)
                {
                    Add(DiagnosticSeverity.Warning, "low-overlap", $"the answer shares only {overlap:P0} of the question's words: it may not answer it");
                }
            }

            if (e.Answer.Length > 0)
            {
                var grade = ReadingLevel.Grade(e.Answer);
                grades.Add(grade);
                if (grade > MaxGrade)
                {
                    Add(DiagnosticSeverity.Warning, "reading-level", $"reading grade {grade:F1} is above {MaxGrade:F0}: use shorter sentences and words");
                }
            }

            var questionKey = string.Join(' ', questionTerms.Order(StringComparer.Ordinal));
            if (questionKey.Length > 0 && seenQuestions.TryGetValue(questionKey, out var sameQuestion) && e.Answer.Length > 0 && e.Answer == sameQuestion.Answer)
            {
                Add(DiagnosticSeverity.Error, "duplicate", $"same question and answer as '{sameQuestion.Id}'");
            }
            else if (answerTerms.Count >= 10 && seenAnswers.TryGetValue(e.Answer.Trim(), out var sameAnswer))
            {
                Add(DiagnosticSeverity.Error, "duplicate", $"same answer as '{sameAnswer.Id}'");
            }
            else if (knowledgeBase.Entries.Length <= 5000 && termSets.FirstOrDefault(t => IsNearDuplicate(t.Question, t.Answer, questionTerms, answerTerms)).Entry is { } near)
            {
                // Pairwise comparison is quadratic; large imported collections get the exact checks above only.
                Add(DiagnosticSeverity.Error, "near-duplicate", $"nearly the same as '{near.Id}'");
            }

            seenQuestions.TryAdd(questionKey, e);
            if (answerTerms.Count >= 10)
            {
                seenAnswers.TryAdd(e.Answer.Trim(), e);
            }

            termSets.Add((e, questionTerms, answerTerms));
        }

        if (_sources is not null)
        {
            findings.AddRange(OverusedSources(knowledgeBase, _sources));
        }

        return new LintReport(findings, grades.Count == 0 ? 0 : grades.Average(), knowledgeBase.Entries.Length);
    }

    /// <summary>One error per source cited by more entries than the rules allow, unless the rules give it a reason.</summary>
    private static IEnumerable<LintFinding> OverusedSources(KnowledgeBase knowledgeBase, KbSourceRules rules) =>
        knowledgeBase.Entries
            .SelectMany(e => e.Sources.Select(s => KbSourceRules.Normalize(s.Url)).Distinct().Select(url => (Url: url, Entry: e)))
            .GroupBy(p => p.Url)
            .Where(g => g.Count() > rules.MaxEntriesPerSource && rules.SharedReason(g.Key) is null)
            .Select(g => new LintFinding(
                g.First().Entry.Id,
                g.First().Entry.Origin,
                DiagnosticSeverity.Error,
                "overused-source",
                $"'{g.Key}' backs {g.Count()} entries (more than {rules.MaxEntriesPerSource}): cite more specific pages, or give it a reason under sharedSources"));

    private static bool HasControlCharacters(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r'));

    private static bool IsNearDuplicate(HashSet<string> q1, HashSet<string> a1, HashSet<string> q2, HashSet<string> a2) =>
        (TermSets.AtLeast(q1, q2, 0.8) && TermSets.AtLeast(a1, a2, 0.6)) || (a1.Count >= 10 && a2.Count >= 10 && TermSets.AtLeast(a1, a2, 0.85));
}
