namespace Stride.Triage;

/// <summary>Why a rule fired.</summary>
/// <param name="Rule">The rule's id, for example <c>cauda-equina-bladder</c>.</param>
/// <param name="Level">The level the rule asks for.</param>
/// <param name="Evidence">The words of the text that made it fire, as the person wrote them.</param>
/// <param name="Explanation">One plain-language line saying why this matters.</param>
public sealed record TriageReason(string Rule, TriageLevel Level, string Evidence, string Explanation);

/// <summary>The outcome of a red-flag check: a level, the reasons, and advice for that level.</summary>
/// <param name="Level">How urgently to get care.</param>
/// <param name="Reasons">Every rule that fired, most urgent first (empty for plain self-care).</param>
/// <param name="Advice">What to do, written for a worried person.</param>
public sealed record TriageResult(TriageLevel Level, IReadOnlyList<TriageReason> Reasons, string Advice);
