namespace Stride.Knowledge;

/// <summary>
/// Turns text into the content words search compares (stemmed, stop words removed). The knowledge code asks for it
/// through this interface so that it does not depend on the search code that implements it.
/// </summary>
public interface ITermAnalyzer
{
    /// <summary>The content words of <paramref name="text"/>, in order.</summary>
    IReadOnlyList<string> Terms(string text);
}
