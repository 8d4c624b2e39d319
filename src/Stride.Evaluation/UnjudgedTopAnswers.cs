using Stride.Knowledge;

namespace Stride.Evaluation;

/// <summary>
/// The report of every top answer nobody judged (<c>--unjudged-out</c>), as TSV for assessment by hand: unjudged
/// answers count 0, so these are the places where the figures may understate the ranking.
/// </summary>
public static class UnjudgedTopAnswers
{
    /// <summary>The TSV's header row.</summary>
    public const string Header = "question_id\tquestion\tanswer_id\tanswer_question\tanswer";

    /// <summary>
    /// Writes one row per question whose top answer in <paramref name="run"/> has no judgment: the question in the
    /// wording the ranker saw, the answer's id as in the qrels, its stored question and its text (from
    /// <paramref name="knowledgeBase"/>, else from <paramref name="texts"/>).
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<LiveQaQuestion> questions, LiveQaRun run, LiveQaVariant variant,
        Qrels qrels, KnowledgeBase knowledgeBase, JudgedAnswerTexts texts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(qrels);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(texts);

        // "\n" rather than WriteLine: the report is the same bytes on every platform.
        writer.Write(Header + "\n");
        foreach (var q in questions)
        {
            if (run.Rankings.TryGetValue(q.Id, out var answers) && answers.Count > 0 && qrels.Grade(q.Id, answers[0].AnswerId) is null)
            {
                var entry = knowledgeBase.Find(answers[0].AnswerId);
                var answer = entry is { Answer.Length: > 0 } ? entry.Answer : texts.Find(answers[0].AnswerId) ?? "(answer removed from MedQuAD)";
                writer.Write($"{q.Id}\t{Flat(q.Text(variant))}\t{answers[0].AnswerId}.txt\t{Flat(entry?.Question ?? string.Empty)}\t{Flat(answer)}\n");
            }
        }
    }

    // A tab or line break inside a field would split the row.
    private static string Flat(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
