using System.Globalization;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Stride.Knowledge;
using YamlDotNet.RepresentationModel;
using static Stride.Knowledge.YamlNodes;

namespace Stride.Triage;

/// <summary>
/// The red-flag rules and the language cues the engine needs (negation, history, hypothetical questions), read from
/// a YAML file such as <c>kb/triage-rules.yaml</c>. Every problem is reported with its line.
/// </summary>
public sealed class TriageRuleSet
{
    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "id", "level", "explanation", "sources", "patterns", "unless", "requires", "history", "negation", "requiresNegation", "conditional", "entry",
    };

    private TriageRuleSet() { }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<TriageRule> Rules { get; private init; } = [];

    /// <summary>What to say when a message is not in English, so that nothing can be recognised; null when not set.</summary>
    public string? UnreadableAdvice { get; private init; }

    /// <summary>Common English words: a message with too small a share of them is not read as English.</summary>
    internal FrozenSet<string> EnglishWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The smallest share of <see cref="EnglishWords"/> among a message's words for it to count as English.</summary>
    internal double MinEnglishShare { get; private init; }

    /// <summary>Advice text for each level.</summary>
    public IReadOnlyDictionary<TriageLevel, string> Advice { get; private init; } = ImmutableDictionary<TriageLevel, string>.Empty;

    /// <summary>The emergency signs listed with every result below emergency, in plain words.</summary>
    public IReadOnlyList<string> EmergencyChecklist { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> NegationBefore { get; private init; } = [];

    /// <summary>The one-word negation cues ("no", "never", "without"): the second reader marks the words after them.</summary>
    public IReadOnlyList<string> NegationWords { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> NegationAfter { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> ScopeEnd { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> History { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> NotHistory { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> Resolved { get; private init; } = [];

    /// <summary>Words that set one part of a sentence against another ("but", "however").</summary>
    internal IReadOnlyList<PhrasePattern> Contrast { get; private init; } = [];

    /// <summary>Words that say the writer doubts what follows ("thought it was").</summary>
    internal IReadOnlyList<PhrasePattern> Doubt { get; private init; } = [];

    /// <summary>Words before "if" that make it mean "whether" ("can't tell if").</summary>
    internal IReadOnlyList<PhrasePattern> Whether { get; private init; } = [];

    /// <summary>A whole sentence that answers the one before it with "no" ("fever? no.").</summary>
    internal IReadOnlyList<PhrasePattern> AnsweredNo { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> Hypothetical { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> Conditional { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> Framing { get; private init; } = [];

    internal IReadOnlyList<PhrasePattern> Report { get; private init; } = [];

    /// <summary>Reads a rules file; returns the rule set or the errors (with lines) that prevent it.</summary>
    public static (TriageRuleSet? RuleSet, ImmutableArray<ImportDiagnostic> Errors) Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (YamlNodes.Load(reader, sourceName, out var invalid) is not { } stream)
        {
            return (null, [invalid!]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [ImportDiagnostic.Error(sourceName, 1, "expected a mapping with 'terms', 'cues', 'advice' and 'rules'")]);
        }

        var errors = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        // Concepts (the lexicons rules compose): each is a list of phrases, or a mapping with what it means, its
        // sources and its 'terms'. The older name 'terms' is read the same way.
        foreach (var section in new[] { "terms", "concepts" })
        {
            if (Child(root, section) is not YamlMappingNode termMap)
            {
                continue;
            }

            foreach (var (key, value) in termMap.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var list = value is YamlMappingNode concept ? Child(concept, "terms") : value;
                var entries = list is null ? [] : Strings(list);
                if (entries.Count == 0 || entries.Any(e => e.Trim().Length == 0))
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"concept '{name}' needs a list of non-empty phrases"));
                }

                // A concept's phrases are plain word sequences: "a|b" or "{X}" inside one would be read as literal
                // words and never match, so each alternative must be its own phrase.
                if (entries.FirstOrDefault(e => e.Contains('|', StringComparison.Ordinal) || e.Contains('{', StringComparison.Ordinal)) is { } composite)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"concept '{name}': the phrase '{composite}' uses '|' or '{{...}}'; list each alternative as its own phrase"));
                }

                if (value is YamlMappingNode withSources && Child(withSources, "sources") is not YamlSequenceNode)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"concept '{name}' needs 'sources' (where its words come from)"));
                }

                if (!terms.TryAdd(name.ToUpperInvariant(), entries))
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"concept '{name}' is defined twice"));
                }
            }
        }

        List<PhrasePattern> Compile(YamlNode? node, int maxGap)
        {
            var list = new List<PhrasePattern>();
            if (node is null)
            {
                return list;
            }

            if (node is not YamlSequenceNode sequence)
            {
                errors.Add(ImportDiagnostic.Error(sourceName, Line(node), "expected a list of phrases"));
                return list;
            }

            foreach (var item in sequence)
            {
                try
                {
                    list.Add(PhrasePattern.Compile(((item as YamlScalarNode)?.Value ?? string.Empty), terms, maxGap));
                }
                catch (FormatException ex)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(item), ex.Message));
                }
            }

            return list;
        }

        var cues = Child(root, "cues") as YamlMappingNode;
        var advice = new Dictionary<TriageLevel, string>();
        if (Child(root, "advice") is YamlMappingNode adviceMap)
        {
            foreach (var (key, value) in adviceMap.Children)
            {
                var level = TriageLevels.Parse(((YamlScalarNode)key).Value);
                if (level is null)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"unknown level '{((YamlScalarNode)key).Value}'"));
                }
                else
                {
                    advice[level.Value] = ((value as YamlScalarNode)?.Value ?? string.Empty).Trim();
                }
            }
        }

        foreach (var level in Enum.GetValues<TriageLevel>().Where(l => !advice.ContainsKey(l)))
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Line(root), $"no advice for level '{level.Name()}'"));
        }

        // Stride reads English only: a message with too few English words gets this advice instead of "nothing
        // recognised". Optional, so a rules file for tests can leave it out.
        string? unreadableAdvice = null;
        var englishWords = FrozenSet<string>.Empty;
        var minEnglishShare = 0.0;
        if (Child(root, "unreadable") is YamlMappingNode unreadable)
        {
            unreadableAdvice = (Child(unreadable, "advice") as YamlScalarNode)?.Value?.Trim();
            englishWords = (Child(unreadable, "englishWords") is { } words ? Strings(words) : []).ToFrozenSet(StringComparer.Ordinal);
            if (!double.TryParse((Child(unreadable, "minEnglishShare") as YamlScalarNode)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out minEnglishShare)
                || minEnglishShare is < 0 or > 1 || string.IsNullOrEmpty(unreadableAdvice) || englishWords.Count == 0)
            {
                errors.Add(ImportDiagnostic.Error(sourceName, Line(unreadable), "'unreadable' needs 'advice', 'englishWords' and a 'minEnglishShare' between 0 and 1"));
            }
        }

        var checklist = Child(root, "checklist") is { } checklistNode ? Strings(checklistNode, lower: false) : [];
        if (checklist.Count == 0 || checklist.Any(c => c.Trim().Length == 0))
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Line(Child(root, "checklist") ?? root),
                "expected a 'checklist' list of the emergency signs (shown with every result below emergency)"));
        }

        var rules = new List<TriageRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Child(root, "rules") is not YamlSequenceNode ruleList)
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Line(root), "expected a 'rules' list"));
        }
        else
        {
            foreach (var item in ruleList)
            {
                if (item is not YamlMappingNode node)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(item), "each rule must be a mapping (id, level, explanation, sources, patterns)"));
                    continue;
                }

                foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !RuleKeys.Contains(k.Value ?? string.Empty)))
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"unknown rule field '{key.Value}' (known: {string.Join(", ", RuleKeys)})"));
                }

                var flags = new Dictionary<string, bool>(StringComparer.Ordinal) { ["history"] = false, ["negation"] = true, ["requiresNegation"] = true, ["conditional"] = false };
                foreach (var flag in flags.Keys.ToList())
                {
                    if (Scalar(node, flag) is { } value)
                    {
                        if (bool.TryParse(value, out var parsed))
                        {
                            flags[flag] = parsed;
                        }
                        else
                        {
                            errors.Add(ImportDiagnostic.Error(sourceName, Line(node), $"'{flag}' must be true or false, not '{value}'"));
                        }
                    }
                }

                var id = Scalar(node, "id");
                var level = TriageLevels.Parse(Scalar(node, "level"));
                var explanation = Scalar(node, "explanation");
                if (string.IsNullOrWhiteSpace(id) || level is null || string.IsNullOrWhiteSpace(explanation))
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(node), "a rule needs 'id', 'level' (emergency, urgent, routine, selfcare) and 'explanation'"));
                    continue;
                }

                if (!ids.Add(id))
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(node), $"duplicate rule id '{id}'"));
                }

                var sources = (Child(node, "sources") as YamlSequenceNode)?.OfType<YamlMappingNode>()
                    .Select(s => new SourceLink(Scalar(s, "title") ?? string.Empty, Scalar(s, "url") ?? string.Empty)).ToList() ?? [];
                if (sources.Count == 0 || sources.Any(s => !s.Url.StartsWith("https://", StringComparison.Ordinal)))
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(node), $"rule '{id}' needs sources with https URLs"));
                }

                if (Child(node, "entry") is { } entryNode && entryNode is not YamlScalarNode)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(entryNode), $"rule '{id}': 'entry' must be one knowledge-base entry id"));
                }

                var patterns = Compile(Child(node, "patterns"), PhrasePattern.MaxGap);
                if (patterns.Count == 0)
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(node), $"rule '{id}' has no patterns"));
                }

                // 'requires' is one list of phrases (any one), or a list of such lists (one from each).
                var requiresNode = Child(node, "requires");
                List<IReadOnlyList<PhrasePattern>> requires = requiresNode is YamlSequenceNode groups && groups.Children.Count > 0 && groups.Children.All(g => g is YamlSequenceNode)
                    ? [.. groups.Children.Select(g => (IReadOnlyList<PhrasePattern>)Compile(g, PhrasePattern.MaxGap))]
                    : requiresNode is null ? [] : [Compile(requiresNode, PhrasePattern.MaxGap)];
                rules.Add(new TriageRule(id, level.Value, explanation.Trim(), sources, patterns,
                    Compile(Child(node, "unless"), PhrasePattern.MaxGap), requires,
                    flags["history"], flags["negation"], flags["requiresNegation"], flags["conditional"], Scalar(node, "entry")));
            }
        }

        var set = new TriageRuleSet
        {
            Rules = rules,
            Advice = advice,
            UnreadableAdvice = unreadableAdvice,
            EnglishWords = englishWords,
            MinEnglishShare = minEnglishShare,
            EmergencyChecklist = [.. checklist.Select(c => c.Trim())],
            NegationBefore = Compile(Child(cues, "negationBefore"), 0),
            NegationWords = Child(cues, "negationBefore") is { } negationNode
                ? [.. Strings(negationNode).Where(w => !w.Contains(' ', StringComparison.Ordinal) && !w.Contains('|', StringComparison.Ordinal))]
                : [],
            NegationAfter = Compile(Child(cues, "negationAfter"), 0),
            ScopeEnd = Compile(Child(cues, "scopeEnd"), 0),
            History = Compile(Child(cues, "history"), 0),
            NotHistory = Compile(Child(cues, "notHistory"), 0),
            Resolved = Compile(Child(cues, "resolved"), 0),
            Hypothetical = Compile(Child(cues, "hypothetical"), 0),
            Conditional = Compile(Child(cues, "conditional"), 0),
            Framing = Compile(Child(cues, "framing"), 0),
            AnsweredNo = Compile(Child(cues, "answeredNo"), 0),
            Whether = Compile(Child(cues, "whether"), 0),
            Contrast = Compile(Child(cues, "contrast"), 0),
            Doubt = Compile(Child(cues, "doubt"), 0),
            Report = Compile(Child(cues, "report"), 0),
        };
        return errors.Count > 0 ? (null, errors.ToImmutable()) : (set, []);
    }

    private static List<string> Strings(YamlNode node, bool lower = true) => node switch
    {
        YamlSequenceNode seq => [.. seq.OfType<YamlScalarNode>().Select(s => lower ? s.Value!.ToLowerInvariant() : s.Value!)],
        YamlScalarNode one => [lower ? one.Value!.ToLowerInvariant() : one.Value!],
        _ => [],
    };

}
