using Stride.Hosting;

namespace Stride.Web.Apis;

/// <summary>The examples the OpenAPI document shows (shapes as the API returns them; texts shortened).</summary>
internal static class Examples
{
    public const string Question = "Why does my lower back hurt when I walk?";

    private static readonly SourceDto[] NhsBackPain = [new("NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/")];

    public static readonly TriageDto Triage = new(
        "selfcare",
        [],
        "Keep moving gently, within what feels comfortable...",
        ["you cannot pee or cannot control your bladder or bowels", "numbness around your bottom or genitals"]);

    public static readonly PageDto Page = new(
        Question,
        Triage,
        false,
        [new AnswerDto("causes-why-walking-hurts", "Why does walking make my lower back hurt?",
            "Back pain on walks is common. Most of the time it is not caused by anything serious...", "causes",
            NhsBackPain, 12.3456, 0.91, [])],
        [new RelatedDto("causes", [new RelatedQuestionDto("causes-spinal-stenosis", "Could spinal stenosis be why my back hurts when I walk?")])],
        null);

    public static readonly AskRequest Request = new(Question, 3);

    public static readonly SuggestionsDto Suggestions = new("why does my back h",
        [new SuggestionDto("why does walking make my back ache", "causes-why-walking-hurts")]);

    public static readonly EntryDto Entry = new(
        "causes-why-walking-hurts",
        "Why does walking make my lower back hurt?",
        ["why does walking make my back ache"],
        "Back pain on walks is common. Most of the time it is not caused by anything serious...",
        "causes",
        NhsBackPain,
        [],
        [new RelatedEntryDto("causes-how-common", "How common is lower back pain?", "causes")]);

    public static readonly HealthDto Health = new("alive");

    public static readonly ReadinessDto Ready = new("ready", "Stride's own KB", 120, new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), null);

    public static readonly ReloadDto Reload = new("Stride's own KB", 120, new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
}
