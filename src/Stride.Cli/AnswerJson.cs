using System.Text.Json;
using System.Text.Json.Serialization;
using Stride.Search;
using Stride.Triage;

namespace Stride.Cli;

/// <summary>
/// The <c>--json</c> contract of <c>ask</c>: field names are public API (query, triage, noGoodAnswer, answers, related,
/// and eachQuestion for a message that asks several questions);
/// new fields may be added, existing ones keep their names.
/// </summary>
internal static class AnswerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AnswerPage page) => JsonSerializer.Serialize(From(page), Options);

    public static string Serialize(TriageResult result) => JsonSerializer.Serialize(From(result), Options);

    public static string Error(string query, string message) => JsonSerializer.Serialize(new ErrorDto(query, message), Options);

    private static TriageDto From(TriageResult t) => new(
        t.Level.Name(),
        [.. t.Reasons.Select(r => new ReasonDto(r.Rule, r.Level.Name(), r.Evidence, r.Explanation))],
        t.Advice,
        t.EmergencyChecklist.Count == 0 ? null : [.. t.EmergencyChecklist]);

    private static PageDto From(AnswerPage page) => new(
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

    private sealed record PageDto(string Query, TriageDto Triage, bool NoGoodAnswer, AnswerDto[] Answers, RelatedDto[] Related, EachQuestionDto[]? EachQuestion);

    private sealed record EachQuestionDto(string Question, EachAnswerDto? Answer);

    private sealed record EachAnswerDto(string Id, string Question, string Topic, SourceDto[] Sources, double Confidence);

    private sealed record TriageDto(string Level, ReasonDto[] Reasons, string Advice, string[]? EmergencyChecklist);

    private sealed record ReasonDto(string Rule, string Level, string Evidence, string Explanation);

    private sealed record AnswerDto(string Id, string Question, string Answer, string Topic, SourceDto[] Sources, double Score, double Confidence, string[] Flags);

    private sealed record SourceDto(string Title, string Url);

    private sealed record RelatedDto(string Topic, RelatedQuestionDto[] Questions);

    private sealed record RelatedQuestionDto(string Id, string Question);

    private sealed record ErrorDto(string Query, string Error);
}
