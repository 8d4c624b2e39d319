namespace Stride.Triage;

/// <summary>Why a rule fired.</summary>
/// <param name="Rule">The rule's id, for example <c>cauda-equina-bladder</c>.</param>
/// <param name="Level">The level the rule asks for.</param>
/// <param name="Evidence">The words of the text that made it fire, as the person wrote them.</param>
/// <param name="Explanation">One plain-language line saying why this matters.</param>
public sealed record TriageReason(string Rule, TriageLevel Level, string Evidence, string Explanation);

/// <summary>The outcome of a red-flag check: a level, the reasons, and advice for that level.</summary>
/// <param name="Level">How urgently to get care.</param>
/// <param name="Reasons">Every rule that fired, most urgent first (empty when nothing was recognised).</param>
/// <param name="Advice">What to do at <paramref name="Level"/>, written for a worried person: only the most urgent level's advice.</param>
/// <param name="EmergencyChecklist">
/// The signs that mean "call 999 or 911 now", shown with every result below <see cref="TriageLevel.Emergency"/>: a phrase
/// engine can miss an unusual way of describing a red flag, so Stride never claims that none is there. Empty for an
/// emergency.
/// </param>
public sealed record TriageResult(TriageLevel Level, IReadOnlyList<TriageReason> Reasons, string Advice, IReadOnlyList<string> EmergencyChecklist)
{
    /// <summary>
    /// False when the message did not read as English (Stride reads English only): nothing could be recognised, and
    /// the advice says so instead of implying that no warning sign is there.
    /// </summary>
    public bool Understood { get; init; } = true;

    /// <summary>The reasons at the result's own level: the ones that decided it.</summary>
    public IEnumerable<TriageReason> MainReasons => Reasons.Where(r => r.Level == Level);

    /// <summary>Reasons at lower levels: worth knowing, but their advice is outranked by <see cref="Advice"/>.</summary>
    public IEnumerable<TriageReason> OtherReasons => Reasons.Where(r => r.Level < Level);
}
