using Stride.Knowledge;

namespace Stride.Search.Pipeline;

/// <summary>
/// Drops hits that repeat a better one: the same question with the same answer (as collections that copy a page
/// under several names have), or the same long answer under any question. Thread-safe.
/// </summary>
internal sealed class NearDuplicateFilter
{
    private readonly SearchOptions _options;

    /// <summary>Uses the overlap thresholds of <paramref name="options"/>.</summary>
    public NearDuplicateFilter(SearchOptions options) => _options = options;

    /// <summary>The hits in order, each one dropped when it nearly duplicates a hit kept before it.</summary>
    public List<SearchHit> Filter(IReadOnlyList<RankedHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var kept = new List<(SearchHit Hit, HashSet<string> Question, HashSet<string> Answer)>();
        foreach (var (hit, terms) in hits)
        {
            var question = terms.Questions[0].Terms;
            var answer = terms.Answer;
            // Questions of different kinds are different questions even when their content words are the same: "What to
            // do for leg pain?" is not "What is leg pain?", though all that tells them apart is stop words.
            // Cheap tests first: the kind of question, then the sizes (inside AtLeast), then the shared words.
            var duplicate = kept.Any(k =>
                (string.Equals(k.Hit.Entry.QuestionType, hit.Entry.QuestionType, StringComparison.OrdinalIgnoreCase)
                    && TermSets.AtLeast(k.Question, question, _options.DuplicateQuestionOverlap)
                    && ((k.Answer.Count == 0 && answer.Count == 0) || TermSets.AtLeast(k.Answer, answer, _options.DuplicateAnswerOverlap)))
                || (answer.Count >= _options.SameAnswerMinWords && TermSets.AtLeast(k.Answer, answer, _options.SameAnswerOverlap)));
            if (!duplicate)
            {
                kept.Add((hit, question, answer));
            }
        }

        return [.. kept.Select(k => k.Hit)];
    }
}
