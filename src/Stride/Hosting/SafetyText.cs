namespace Stride.Hosting;

/// <summary>Words every host shows with an answer, so that they never drift apart.</summary>
public static class SafetyText
{
    /// <summary>Shown under every answer: Stride informs, it does not diagnose.</summary>
    public const string Disclaimer =
        "Stride gives general information, not a diagnosis. It is not a substitute for a doctor, nurse or physiotherapist.";
}
