namespace Stride.Web.Pages;

/// <summary>What the home content shows: the question to put back in the box, why it was refused, and the emergency signs.</summary>
/// <param name="Question">The question as typed, or null.</param>
/// <param name="Error">Why the question could not be asked, or null.</param>
/// <param name="EmergencySigns">The signs that mean "call 999 or 911 now", from the serving triage rules (empty before the first load).</param>
public sealed record HomeView(string? Question, string? Error, IReadOnlyList<string> EmergencySigns);
