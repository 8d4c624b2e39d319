using System.Text.Json;
using System.Text.Json.Serialization;
using Stride.Search;
using Stride.Triage;

namespace Stride.Hosting;

/// <summary>
/// The JSON contract of an answer page, the same from every host (<c>ask --json</c>, <c>GET /api/ask</c>): field
/// names are public API (query, triage, noGoodAnswer, answers, related, and eachQuestion for a message that asks
/// several questions); new fields may be added, existing ones keep their names.
/// </summary>
public static class AnswerJson
{
    /// <summary>Web (camelCase) names, nulls left out, and non-ASCII text kept readable.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The page as JSON.</summary>
    public static string Serialize(AnswerPage page) => JsonSerializer.Serialize(From(page), Options);

    /// <summary>A triage result alone as JSON, with the <paramref name="text"/> it checked.</summary>
    public static string Serialize(TriageResult result, string? text = null) => JsonSerializer.Serialize(From(result, text), Options);

    /// <summary>A refused question as JSON (one line of <c>ask --batch --json</c>).</summary>
    public static string Error(string query, string message) => JsonSerializer.Serialize(new ErrorDto(query, message), Options);

    /// <summary>The contract object of a triage result; <paramref name="text"/> is echoed when given (standalone triage).</summary>
    public static TriageDto From(TriageResult t, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(
        t.Level.Name(),
        [.. t.Reasons.Select(r => new ReasonDto(r.Rule, r.Level.Name(), r.Evidence, r.Explanation))],
        t.Advice,
        t.EmergencyChecklist.Count == 0 ? null : [.. t.EmergencyChecklist])
        {
            Understood = t.Understood ? null : false,
            Text = text,
        };
    }

    /// <summary>The contract object of an answer page.</summary>
    public static PageDto From(AnswerPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(
        page.Query,
        From(page.Triage),
        page.NoGoodAnswer,
        [.. page.Answers.Select(a => new AnswerDto(
            a.Entry.Id,
            a.Entry.Question,
            a.Entry.Answer,
            a.Entry.Topic,
            [.. a.Entry.Sources.Select(s => new SourceDto(s.Title, s.Url))],
            Math.Round(a.Score, 4),
            Math.Round(a.Confidence, 4),
            [.. a.Entry.Flags.Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()))]))],
        [.. page.Related.Select(g => new RelatedDto(g.Topic, [.. g.Entries.Select(e => new RelatedQuestionDto(e.Id, e.Question))]))],
        page.EachQuestion.Count == 0 ? null : [.. page.EachQuestion.Select(q => new EachQuestionDto(
            q.Question,
            q.Answer is null ? null : new EachAnswerDto(
                q.Answer.Entry.Id,
                q.Answer.Entry.Question,
                q.Answer.Entry.Topic,
                [.. q.Answer.Entry.Sources.Select(s => new SourceDto(s.Title, s.Url))],
                Math.Round(q.Answer.Confidence, 4))))]);
    }
}
