using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Stride.Resources;

namespace Stride.Search;

/// <summary>
/// Guesses what kind of answer a question wants (treatment, causes, symptoms, side effects, storage, ...) from its
/// wording, using the question types MedQuAD labels its pairs with, so that a reranker can prefer entries of the same
/// type. A question can want several types; none means "no preference".
/// </summary>
/// <remarks>
/// The cues are consumer wording, not MedQuAD's templates: people write "can I take it with wine", not "What special
/// dietary instructions should I follow". Drug pages have their own sections (precautions, storage and disposal,
/// dietary, missed dose, overdose, indication), so those types have cues of their own. The cues are data, in
/// <c>Resources/question-types.v1.txt</c> and <c>Resources/cause-cues.v1.txt</c>, read once.
/// </remarks>
public static class QuestionTypeClassifier
{
    private const string CueFile = "question-types.v1.txt";
    private const string CauseFile = "cause-cues.v1.txt";

    // Compiled once: every query is classified, and so is every sentence that may name a cause.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Compiled;

    private static readonly ImmutableArray<Cue> Cues =
        [.. ResourceText.Pairs(CueFile).Select(p => new Cue(
            [.. p.Key.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            new Regex(p.Value, Options)))];

    private static readonly Regex CauseVerb = new(ResourceText.Value(ResourceText.Pairs(CauseFile), "cause", CauseFile), Options);

    /// <summary>
    /// The question types <paramref name="question"/> asks for, in a fixed order (treatment, causes, symptoms, ...);
    /// "information" only when nothing more specific is asked.
    /// </summary>
    public static IReadOnlyList<string> Classify(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var types = Cues.Where(c => c.Pattern.IsMatch(question)).SelectMany(c => c.Types).Distinct().ToList();

        // "Information" is what a question wants when it names no other kind of answer: "I am looking for information
        // on how to prevent shingles" wants prevention.
        return types.Count > 1 ? [.. types.Where(t => t != MedQuadSections.Information)] : types;
    }

    /// <summary>
    /// Where a sentence says that something causes something else, and whether the effect comes before the cue ("Y is
    /// caused by X") or after it ("does X cause Y", "a cause of Y"); null when it says no such thing.
    /// </summary>
    public static ((int Start, int End) Cue, bool EffectBefore)? CauseCue(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var match = CauseVerb.Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        return ((match.Index, match.Index + match.Length), match.Groups["by"].Success);
    }

    /// <summary>One line of the cue file: the question types a pattern signals.</summary>
    private sealed record Cue(ImmutableArray<string> Types, Regex Pattern);
}
