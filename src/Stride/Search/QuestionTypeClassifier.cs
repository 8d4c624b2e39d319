using System.Text.RegularExpressions;

namespace Stride.Search;

/// <summary>
/// Guesses what kind of answer a question wants (treatment, causes, symptoms, side effects, ...) from its wording,
/// using the question types MedQuAD labels its pairs with, so that a reranker can prefer entries of the same type.
/// A question can want several types; none means "no preference".
/// </summary>
public static partial class QuestionTypeClassifier
{
    private static readonly (string Type, Regex Pattern)[] Rules =
    [
        ("treatment", Treatment()),
        ("causes", Causes()),
        ("symptoms", Symptoms()),
        ("side effects", SideEffects()),
        ("usage", Usage()),
        ("dosage", Usage()),
        ("exams and tests", Tests()),
        ("prevention", Prevention()),
        ("outlook", Outlook()),
        ("inheritance", Inheritance()),
        ("genetic changes", Inheritance()),
        ("frequency", Frequency()),
        ("susceptibility", Susceptibility()),
        ("complications", Complications()),
        ("information", Information()),
    ];

    /// <summary>The question types <paramref name="question"/> asks for, most specific first.</summary>
    public static IReadOnlyList<string> Classify(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return [.. Rules.Where(r => r.Pattern.IsMatch(question)).Select(r => r.Type).Distinct()];
    }

    [GeneratedRegex(@"\b(treat\w*|cure[sd]?|therap\w*|remed\w*|medication for|medicine for|get rid of|manage\w*|help with|surgery|operation)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Treatment();

    [GeneratedRegex(@"\b(caus\w*|why|reason\w*|what leads|triggers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Causes();

    [GeneratedRegex(@"\b(symptoms?|signs?|feel like|feels like)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Symptoms();

    [GeneratedRegex(@"\b(side ?effects?|adverse|reactions?|safe to take|make me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SideEffects();

    [GeneratedRegex(@"\b(dose|dosage|how much|how many mg|\d+ ?mg|how (often|long) (should|can|do) i take|how to take|take it)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Usage();

    [GeneratedRegex(@"\b(tests?|diagnos\w*|screening|scan|mri|x-?ray|blood work)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tests();

    [GeneratedRegex(@"\b(prevent\w*|avoid\w*|reduce the risk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Prevention();

    [GeneratedRegex(@"\b(prognosis|outlook|life expectancy|survival|surviv\w*|recover\w*|go away|permanent|fatal|die)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Outlook();

    [GeneratedRegex(@"\b(inherit\w*|genetic\w*|hereditary|gene|genes|pass(ed)? (it )?on|run in (the )?famil\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Inheritance();

    [GeneratedRegex(@"\b(how common|how many people|prevalen\w*|rare)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Frequency();

    [GeneratedRegex(@"\b(risk|at risk|who gets|chances?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Susceptibility();

    [GeneratedRegex(@"\b(complications?|lead to|result in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Complications();

    [GeneratedRegex(@"\b(what is|what are|what's|information|info|about|explain|mean\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Information();
}
