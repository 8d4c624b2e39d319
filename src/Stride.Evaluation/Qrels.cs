using System.Collections.Frozen;
using System.Globalization;

namespace Stride.Evaluation;

/// <summary>
/// Human judgments of answers for questions (LiveQA-Med format: <c>N judgment AnswerID</c>, N the number in
/// <c>TQ{N}</c>, judgment <c>1-Incorrect</c> .. <c>4-Excellent</c>), as grades 0..3. Only the evaluator reads these,
/// never a ranker.
/// </summary>
public sealed class Qrels
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, int>> _grades;

    private Qrels(FrozenDictionary<string, FrozenDictionary<string, int>> grades, int conflicts)
    {
        _grades = grades;
        Conflicts = conflicts;
    }

    /// <summary>How many (question, answer) pairs were judged twice with different grades.</summary>
    public int Conflicts { get; }

    /// <summary>Questions with at least one judgment.</summary>
    public IEnumerable<string> Questions => _grades.Keys;

    /// <summary>
    /// Reads judgments. A pair judged twice with different grades keeps the lower grade, or the higher one when
    /// <paramref name="higherGrade"/> is set (shown beside the headline figures only).
    /// </summary>
    public static Qrels Read(TextReader reader, bool higherGrade = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var grades = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var conflicts = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || parts[1].Length < 2 || !int.TryParse(parts[1][..1], NumberStyles.None, CultureInfo.InvariantCulture, out var judgment) || judgment is < 1 or > 4)
            {
                throw new InvalidDataException($"line {lineNumber}: expected 'N judgment AnswerID', for example '1 4-Excellent GHR_0000804_Sec2.txt'");
            }

            var question = $"TQ{n}";
            var answer = AnswerId(parts[2]);
            if (!grades.TryGetValue(question, out var byAnswer))
            {
                grades[question] = byAnswer = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            var grade = judgment - 1;
            if (byAnswer.TryGetValue(answer, out var previous))
            {
                if (previous != grade)
                {
                    conflicts++;
                }

                grade = higherGrade ? Math.Max(previous, grade) : Math.Min(previous, grade);
            }

            byAnswer[answer] = grade;
        }

        return new Qrels(grades.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal), conflicts);
    }

    /// <summary>Creates judgments from grades (for tests and other sources).</summary>
    public static Qrels From(IEnumerable<(string Question, string Answer, int Grade)> judgments) =>
        new(judgments.GroupBy(j => j.Question, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.GroupBy(j => AnswerId(j.Answer), StringComparer.Ordinal)
                .ToFrozenDictionary(a => a.Key, a => a.Min(j => j.Grade), StringComparer.Ordinal), StringComparer.Ordinal), 0);

    /// <summary>The grade (0..3) of <paramref name="answer"/> for <paramref name="question"/>, or null when unjudged.</summary>
    public int? Grade(string question, string answer) =>
        _grades.TryGetValue(question, out var byAnswer) && byAnswer.TryGetValue(AnswerId(answer), out var g) ? g : null;

    /// <summary>All grades given for <paramref name="question"/>.</summary>
    public IEnumerable<int> GradesFor(string question) => _grades.TryGetValue(question, out var byAnswer) ? byAnswer.Values : [];

    /// <summary>Entry id without the <c>.txt</c> the qrels add: <c>GHR_0000804_Sec2.txt</c> is entry <c>GHR_0000804_Sec2</c>.</summary>
    public static string AnswerId(string id) => id.EndsWith(".txt", StringComparison.Ordinal) ? id[..^4] : id;
}
