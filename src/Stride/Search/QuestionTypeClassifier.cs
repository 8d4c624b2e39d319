using System.Text.RegularExpressions;

namespace Stride.Search;

/// <summary>
/// Guesses what kind of answer a question wants (treatment, causes, symptoms, side effects, storage, ...) from its
/// wording, using the question types MedQuAD labels its pairs with, so that a reranker can prefer entries of the same
/// type. A question can want several types; none means "no preference".
/// </summary>
/// <remarks>
/// The cues are consumer wording, not MedQuAD's templates: people write "can I take it with wine", not "What special
/// dietary instructions should I follow". Drug pages have their own sections (precautions, storage and disposal,
/// dietary, missed dose, overdose, indication), so those types have cues of their own.
/// </remarks>
public static partial class QuestionTypeClassifier
{
    private const string Information = "information";

    private static readonly (string Type, Regex Pattern)[] Rules =
    [
        ("treatment", Treatment()),
        ("causes", Causes()),
        ("symptoms", Symptoms()),
        ("side effects", SideEffects()),
        ("precautions", Precautions()),
        ("interactions with medications", Interactions()),
        ("precautions", Interactions()),
        ("storage and disposal", Storage()),
        ("dietary", Dietary()),
        ("interactions with foods", Dietary()),
        ("emergency or overdose", Overdose()),
        ("forget a dose", MissedDose()),
        ("indication", Indication()),
        ("usage", Usage()),
        ("dosage", Usage()),
        ("dose", Usage()),
        ("how effective is it", Effectiveness()),
        ("exams and tests", Tests()),
        ("prevention", Prevention()),
        ("outlook", Outlook()),
        ("complications", Complications()),
        ("inheritance", Inheritance()),
        ("genetic changes", Inheritance()),
        ("frequency", Frequency()),
        ("susceptibility", Susceptibility()),
        ("research", Research()),
        ("support groups", Support()),
        ("stages", Stages()),
        ("brand names", BrandNames()),
        (Information, InformationCue()),
    ];

    /// <summary>
    /// The question types <paramref name="question"/> asks for, in a fixed order (treatment, causes, symptoms, ...);
    /// "information" only when nothing more specific is asked.
    /// </summary>
    public static IReadOnlyList<string> Classify(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var types = Rules.Where(r => r.Pattern.IsMatch(question)).Select(r => r.Type).Distinct().ToList();

        // "Information" is what a question wants when it names no other kind of answer: "I am looking for information
        // on how to prevent shingles" wants prevention.
        return types.Count > 1 ? [.. types.Where(t => t != Information)] : types;
    }

    [GeneratedRegex(@"\b(treat\w*|cure[sd]?|therap\w*|remed\w*|medication for|medicine for|drugs? for|get rid of|manage\w*|help with|surgery|operation|relie(f|ve))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Treatment();

    /// <summary>
    /// Where a sentence says that something causes something else, and whether the effect comes before the cue ("Y is
    /// caused by X") or after it ("does X cause Y", "a cause of Y"); null when it says no such thing.
    /// </summary>
    public static ((int Start, int End) Cue, bool EffectBefore)? CauseCue(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var match = CauseVerb().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        return ((match.Index, match.Index + match.Length), match.Groups["by"].Success);
    }

    [GeneratedRegex(@"\b(caus(e|es|ed|ing)(?<by> by)?( of| for)?|contribut(e|es|ed|ing) to|lead(s|ing)? to|result(s|ing)? in|trigger(s|ed)?(?<by> by)?|due to(?<by>))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CauseVerb();

    [GeneratedRegex(@"\b(caus\w*|contribut(e|es|ed|ing) to|why|reasons?|what leads|triggers?|catch|contract(ed)?|contagious|transmit\w*|aggravat\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Causes();

    [GeneratedRegex(@"\b(symptoms?|signs?|feel like|feels like|is (this|that|it) normal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Symptoms();

    [GeneratedRegex(@"\b(side ?effects?|adverse|reactions?|make me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SideEffects();

    [GeneratedRegex(@"\b(allerg\w*|safe|ok(ay)? to (take|use|drink)|precautions?|pregnan\w*|breast ?feed\w*|contraindicat\w*|is there (any )?harm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Precautions();

    [GeneratedRegex(@"\b(interact\w*|together|mix\w*|combin\w*|at the same time|along with|while (taking|on)|when taking)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Interactions();

    [GeneratedRegex(@"\b(stor(e|ed|age|ing)|refrigerat\w*|fridge|expir\w*|shelf life|dispos(e|al)|throw (it |them )?away)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Storage();

    [GeneratedRegex(@"\b(diet\w*|foods?|eat|eating|grapefruit|gluten|alcohol|wine|beer|caffeine|coffee|dairy|lactose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dietary();

    [GeneratedRegex(@"\b(overdos\w*|took too (many|much)|too (many|much) (pills|tablets|capsules|doses?)|took \d+|poison\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Overdose();

    [GeneratedRegex(@"\b(miss(ed)? (a |my )?dose|forg[eo]t\w* (to take|a dose|my)|skip\w* (a |my )?dose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MissedDose();

    [GeneratedRegex(@"\b(used for|what is it for|prescribed for|indications?|what does it (do|treat))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Indication();

    [GeneratedRegex(@"\b(dose|dosage|how much|how many mg|\d+ ?mg|how (often|long) (should|can|do) i take|how to (take|use)|take it|stop (taking|using)|wean\w*|taper\w*|withdraw\w*|(stay|stays|remain|remains) in (my|his|her|your|their|the) (system|body)|once a day|twice|times a day|(tak(e|en|ing)|use[ds]?|using) (it |this |them )?(in the (morning|evening)|at (night|bedtime))|time of (the )?day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Usage();

    [GeneratedRegex(@"\b(effective\w*|(does|will|would|did) (it|this|that) work|works? (well|better)|better (drug|medicine|option)|success rate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Effectiveness();

    [GeneratedRegex(@"\b(tests?|testing|diagnos\w*|detect\w*|screening|scan|mri|x-?ray|blood work)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Tests();

    [GeneratedRegex(@"\b(prevent\w*|avoid\w*|reduce the risk|protect\w*|vaccin\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Prevention();

    [GeneratedRegex(@"\b(prognosis|outlook|life expectancy|surviv\w*|recover\w*|go away|permanent|fatal|die|death|get worse|progress\w*|over time)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Outlook();

    [GeneratedRegex(@"\b(complications?|lead to|result in|damage|death|fatal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Complications();

    [GeneratedRegex(@"\b(inherit\w*|genetic\w*|hereditary|gene|genes|pass(ed)? (it )?(on|down)|run in (the )?famil\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Inheritance();

    [GeneratedRegex(@"\b(how common|how many people|prevalen\w*|rare)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Frequency();

    [GeneratedRegex(@"\b(risk|at risk|who gets|chances?|likely)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Susceptibility();

    [GeneratedRegex(@"\b(research\w*|clinical trials?|studies|new treatments?|latest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Research();

    [GeneratedRegex(@"\b(support groups?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Support();

    [GeneratedRegex(@"\b(stages?|staging)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Stages();

    [GeneratedRegex(@"\b(brand names?|generic|same as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BrandNames();

    [GeneratedRegex(@"\b(what is|what are|what's|information|info|about|explain|mean\w*|define|definition)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InformationCue();
}
