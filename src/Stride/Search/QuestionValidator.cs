namespace Stride.Search;

/// <summary>Checks a user's question before it is searched, so that every front door rejects the same things.</summary>
public static class QuestionValidator
{
    /// <summary>The longest question accepted, in characters as people see them (an emoji counts once).</summary>
    public const int MaxLength = 2000;

    /// <summary>Returns why <paramref name="question"/> cannot be asked, or null when it can.</summary>
    public static string? Validate(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return "the question is empty: type what you want to know, for example \"Why does my lower back hurt when I walk?\"";
        }

        // Counted in text elements, not UTF-16 units: 1,500 emoji are 1,500 characters, not 3,000.
        if (question.Length > MaxLength && new System.Globalization.StringInfo(question).LengthInTextElements is var length && length > MaxLength)
        {
            return $"the question is {length} characters long; the limit is {MaxLength}. Please shorten it.";
        }

        if (question.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return "the question contains characters that could not be read (the input is not UTF-8)";
        }

        return null;
    }
}
