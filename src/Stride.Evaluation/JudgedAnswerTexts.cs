using Stride.Knowledge.Importers;

namespace Stride.Evaluation;

/// <summary>
/// The judged-answers CSV of LiveQA-Med (<c>AnswerID,Answer</c>): the texts the assessors saw, including those of
/// answers later removed from MedQuAD. Only reports read it, to show a text; it never reaches a ranker.
/// </summary>
public sealed class JudgedAnswerTexts
{
    private readonly Dictionary<string, string> _texts;

    private JudgedAnswerTexts(Dictionary<string, string> texts) => _texts = texts;

    /// <summary>No texts: every answer is looked up in the collection alone.</summary>
    public static JudgedAnswerTexts None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>How many answers have a text.</summary>
    public int Count => _texts.Count;

    /// <summary>Reads the CSV (header <c>AnswerID,Answer</c>); a row with fewer than two fields is skipped, a later row for the same id wins.</summary>
    public static JudgedAnswerTexts Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new DelimitedRecordReader(reader, ',');
        records.TryRead(out _, out _, out _); // header: AnswerID,Answer
        while (records.TryRead(out var fields, out _, out _))
        {
            if (fields.Count >= 2)
            {
                texts[Qrels.AnswerId(fields[0])] = fields[1];
            }
        }

        return new JudgedAnswerTexts(texts);
    }

    /// <summary>The text of <paramref name="answerId"/> (with or without <c>.txt</c>), or null when the CSV has none.</summary>
    public string? Find(string answerId) => _texts.GetValueOrDefault(Qrels.AnswerId(answerId));
}
