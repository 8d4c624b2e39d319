using Stride.Knowledge;

namespace Stride.Triage;

/// <summary>
/// One red flag: the phrases that raise it, the look-alikes that do not, and the level and explanation it gives.
/// Rules are read from a reviewed data file (<c>kb/triage-rules.yaml</c>); see <see cref="TriageRuleSet"/>.
/// </summary>
public sealed class TriageRule
{
    internal TriageRule(string id, TriageLevel level, string explanation, IReadOnlyList<SourceLink> sources,
        IReadOnlyList<PhrasePattern> patterns, IReadOnlyList<PhrasePattern> unless, IReadOnlyList<IReadOnlyList<PhrasePattern>> requires, bool allowHistory, bool checkNegation, bool checkRequiresNegation, bool allowConditional, string? entry = null)
    {
        Id = id;
        Level = level;
        Explanation = explanation;
        Sources = sources;
        Patterns = patterns;
        Unless = unless;
        Requires = requires;
        AllowHistory = allowHistory;
        CheckNegation = checkNegation;
        CheckRequiresNegation = checkRequiresNegation;
        AllowConditional = allowConditional;
        Entry = string.IsNullOrWhiteSpace(entry) ? null : entry.Trim();
    }

    /// <summary>Stable id, for example <c>cauda-equina-bladder</c>.</summary>
    public string Id { get; }

    /// <summary>The level this rule asks for.</summary>
    public TriageLevel Level { get; }

    /// <summary>One plain-language line saying why this sign matters.</summary>
    public string Explanation { get; }

    /// <summary>The guidance the rule follows.</summary>
    public IReadOnlyList<SourceLink> Sources { get; }

    /// <summary>The phrases that raise the flag (any one is enough).</summary>
    internal IReadOnlyList<PhrasePattern> Patterns { get; }

    /// <summary>Look-alikes: when one stands in the same sentence, that match does not count.</summary>
    internal IReadOnlyList<PhrasePattern> Unless { get; }

    /// <summary>
    /// Companion concepts: for each group, one of its phrases must also be reported somewhere in the text ("fell" needs
    /// an age over 65 or thin bones; walking-eased-by-sitting needs both walking and the legs).
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<PhrasePattern>> Requires { get; }

    /// <summary>True when a past mention still counts (a history of cancer is a red flag even years later).</summary>
    public bool AllowHistory { get; }

    /// <summary>
    /// False for rules whose signs are themselves said with negatives ("hasn't improved after 5 weeks"), where a
    /// negation cue nearby does not deny the sign.
    /// </summary>
    public bool CheckNegation { get; }

    /// <summary>False when the companion phrases are said with negatives ("hasn't gone after 10 days").</summary>
    public bool CheckRequiresNegation { get; }

    /// <summary>
    /// True for signs that are themselves said as conditions ("it goes if I sit down", "better if he stands still"),
    /// where a conditional cue does not turn the report into a hypothetical question.
    /// </summary>
    public bool AllowConditional { get; }

    /// <summary>
    /// The id of the knowledge-base entry about this sign (null: none). When the rule sets an urgent or emergency
    /// level, that entry is the page's first answer, unless the first answer already is the entry of a sign raised.
    /// </summary>
    public string? Entry { get; }
}
