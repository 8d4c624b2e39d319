using System.Globalization;

namespace Stride.Evaluation;

/// <summary>
/// The ranked answers a ranker gave for each question, best first. A run is made from questions and a ranker only:
/// the judgments are never within its reach, so they cannot leak into a ranking.
/// </summary>
public sealed class LiveQaRun
{
    /// <summary>Wraps rankings by question id.</summary>
    public LiveQaRun(IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> rankings)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        Rankings = rankings;
    }

    /// <summary>The answers of each question (by id), best first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> Rankings { get; }

    /// <summary>How many questions got at least one answer.</summary>
    public int Answered => Rankings.Count(r => r.Value.Count > 0);

    /// <summary>
    /// Asks every question in <paramref name="variant"/> of <paramref name="ranker"/> and keeps at most
    /// <paramref name="depth"/> answers each.
    /// </summary>
    public static LiveQaRun Ask(
        IReadOnlyList<LiveQaQuestion> questions, Func<string, IReadOnlyList<RankedAnswer>> ranker, LiveQaVariant variant, int depth, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(ranker);
        var results = new Dictionary<string, IReadOnlyList<RankedAnswer>>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            results[questions[i].Id] = [.. ranker(questions[i].Text(variant)).Take(depth)];
            progress?.Report(i + 1);
        }

        return new LiveQaRun(results);
    }

    /// <summary>The answer ids of each question, best first: what <see cref="RankingMetrics"/> scores.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AnswerIds() =>
        Rankings.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value.Select(a => a.AnswerId)], StringComparer.Ordinal);

    /// <summary>Writes the run in TREC format: <c>TQn Q0 AnswerID rank score tag</c>, AnswerID as in the qrels (with <c>.txt</c>), questions by number.</summary>
    public void WriteTrec(TextWriter writer, string tag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (question, answers) in Rankings.OrderBy(r => LiveQaQuestion.Number(r.Key)))
        {
            for (var i = 0; i < answers.Count; i++)
            {
                // "\n" rather than WriteLine: run files are the same bytes on every platform.
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{question} Q0 {answers[i].AnswerId}.txt {i + 1} {answers[i].Score:F6} {tag}\n"));
            }
        }
    }
}
