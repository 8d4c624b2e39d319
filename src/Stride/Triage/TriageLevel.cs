namespace Stride.Triage;

/// <summary>How urgently a person needs care, from least to most urgent (the order matters: it is compared).</summary>
public enum TriageLevel
{
    /// <summary>Safe to manage at home, with what to watch for.</summary>
    Selfcare = 0,

    /// <summary>Book a doctor or physiotherapist in the coming days or weeks.</summary>
    Routine = 1,

    /// <summary>See a doctor today or within 24 hours.</summary>
    Urgent = 2,

    /// <summary>Call an emergency number or go to an emergency department now.</summary>
    Emergency = 3,
}

/// <summary>Names of the levels as they appear in rules files and JSON.</summary>
public static class TriageLevels
{
    /// <summary>The lowercase name of a level: <c>emergency</c>, <c>urgent</c>, <c>routine</c> or <c>selfcare</c>.</summary>
    public static string Name(this TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "emergency",
        TriageLevel.Urgent => "urgent",
        TriageLevel.Routine => "routine",
        _ => "selfcare",
    };

    /// <summary>Parses a level name (case-insensitive; <c>self-care</c> and <c>self care</c> are accepted).</summary>
    public static TriageLevel? Parse(string? name) => name?.Trim().ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal) switch
    {
        "emergency" => TriageLevel.Emergency,
        "urgent" => TriageLevel.Urgent,
        "routine" => TriageLevel.Routine,
        "selfcare" => TriageLevel.Selfcare,
        _ => null,
    };
}
