using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Triage;

namespace Stride.Search;

/// <summary>
/// Builds the answer page for a question. The one service every front door (CLI, web, evaluation) calls,
/// so none of them re-implements ranking.
/// </summary>
public sealed class AnswerEngine
{
    private readonly Searcher _searcher;
    private readonly TriageEngine _triage;
    private readonly SearchOptions _options;

    /// <summary>Creates an engine over a searcher, with the red-flag check that runs before every answer.</summary>
    public AnswerEngine(Searcher searcher, TriageEngine triage, IOptions<SearchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(options);
        _searcher = searcher;
        _triage = triage;
        _options = options.Value;
    }

    /// <summary>The red-flag check every answer starts with; hosts call it alone for a triage-only request.</summary>
    public TriageEngine TriageEngine => _triage;

    /// <summary>Whether answers come from semantic search (sentence embeddings) as well as words.</summary>
    public bool IsSemantic => _searcher.IsSemantic;

    /// <summary>The knowledge base answers come from.</summary>
    public KnowledgeBase KnowledgeBase => _searcher.Index.KnowledgeBase;

    /// <summary>
    /// Answers <paramref name="question"/> with up to <paramref name="top"/> answers. The question must have passed
    /// <see cref="QuestionValidator"/>; hosts turn validation failures into their own errors.
    /// </summary>
    public AnswerPage Ask(string question, int top = 3)
    {
        if (QuestionValidator.Validate(question) is { } problem)
        {
            throw new ArgumentException(problem, nameof(question));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);

        // Safety first: the red-flag check reads the person's own words, whatever the knowledge base holds.
        var triage = _triage.Triage(question);
        var hits = _searcher.Search(question);
        var answers = WarningSignFirst(triage, hits, SelectAnswers(hits, _options).ToList()).Take(top).ToList();
        var shown = answers.Select(a => a.Entry.Id).ToHashSet(StringComparer.Ordinal);

        // Related: the entries the best answer points to, then the next-best hits that are still on the subject.
        var candidates = new List<KbEntry>();
        if (answers.Count > 0)
        {
            candidates.AddRange(answers[0].Entry.Related.Select(KnowledgeBase.Find).OfType<KbEntry>());
        }

        candidates.AddRange(hits.Where(h => h.Confidence >= _options.RelatedThreshold).Select(h => h.Entry));
        var related = candidates
            .Where(e => !e.IsJunk && shown.Add(e.Id))
            .Take(_options.MaxRelated)
            .GroupBy(e => e.Topic, StringComparer.Ordinal)
            .OrderBy(g => Topics.Order(g.Key))
            .Select(g => new RelatedGroup(g.Key, [.. g]))
            .ToList();
        return new AnswerPage(question, triage, answers.Count == 0, answers, related) { EachQuestion = AnswerEachQuestion(question) };
    }

    /// <summary>
    /// When the red-flag check raised an urgent or emergency sign whose rule names the KB's entry about it, that entry
    /// comes first (a general answer about walking would bury what matters); when several signs were raised, the
    /// first answer stays if it is the entry of any of them. The entry shows the page's highest confidence, so
    /// confidences still never rise down the page.
    /// </summary>
    private List<SearchHit> WarningSignFirst(TriageResult triage, IReadOnlyList<SearchHit> hits, List<SearchHit> answers)
    {
        if (triage.Level < TriageLevel.Urgent)
        {
            return answers;
        }

        var signEntries = triage.MainReasons
            .Select(reason => _triage.Rules.Rules.FirstOrDefault(rule => rule.Id == reason.Rule)?.Entry)
            .OfType<string>()
            .Select(KnowledgeBase.Find)
            .OfType<KbEntry>()
            .ToList();
        if (signEntries.Count == 0 || (answers.Count > 0 && signEntries.Any(e => e.Id == answers[0].Entry.Id)))
        {
            return answers;
        }

        var entry = signEntries[0];
        var own = hits.FirstOrDefault(h => h.Entry.Id == entry.Id);
        var confidence = Math.Max(_options.NoAnswerThreshold, answers.Select(a => a.Confidence).Append(own?.Confidence ?? 0).Max());
        var first = own is not null ? own with { Confidence = confidence } : new SearchHit(entry, 0, 0, 0, 0, 0, confidence);
        return [first, .. answers.Where(a => a.Entry.Id != entry.Id)];
    }

    /// <summary>
    /// Answers each question of a message that asks several (at most <see cref="SearchOptions.MaxQuestionsAnswered"/>).
    /// A later question often leaves its subject out ("Can cousin marriage cause it?"), so each is asked together
    /// with the message's topic line and the names of the conditions or drugs the whole message is about.
    /// </summary>
    private List<QuestionAnswer> AnswerEachQuestion(string message)
    {
        var sentences = MessageSplitter.Split(message);
        // A question asked twice is answered once; "Why?" alone says nothing to search for.
        var questions = sentences
            .Where(s => s.Role == SentenceRole.Question && _searcher.Index.Analysis.Terms(s.Text).Count > 0)
            .DistinctBy(s => s.Text.ToUpperInvariant())
            .Take(_options.MaxQuestionsAnswered)
            .ToList();
        if (questions.Count < 2)
        {
            return [];
        }

        var subject = string.Join(' ', sentences.Where(s => s.Role == SentenceRole.Topic).Select(s => s.Text)
            .Concat(_searcher.FocusNames(message)));
        return [.. questions.Select(q =>
        {
            // The same rule as the page's own answers.
            var hits = _searcher.Search(subject.Length > 0 ? $"{subject}. {q.Text}" : q.Text);
            return new QuestionAnswer(q.Text, SelectAnswers(hits, _options).FirstOrDefault());
        })];
    }

    /// <summary>
    /// The answers a page shows from ranked <paramref name="hits"/>, best first: the entries that clear the no-answer
    /// threshold, none when no entry does (the page then says there is no good answer). An entry below it is too
    /// unlikely to help to be called a good answer; it may still be listed as a related question. Junk is never shown.
    /// </summary>
    public static IEnumerable<SearchHit> SelectAnswers(IReadOnlyList<SearchHit> hits, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(options);

        // Confidences never rise down a searcher's list, so these are its best-ranked entries.
        return hits.Where(h => !h.Entry.IsJunk && h.Confidence >= options.NoAnswerThreshold);
    }
}
