using System.Text.RegularExpressions;
using Stride.Tests.Search;
using Stride.Tests.Triage;
using Stride.Triage;

namespace Stride.Tests.Knowledge;

/// <summary>
/// The KB's "when to get help" wording agrees with the red-flag rules (kb/triage-rules.yaml): a sign the rules call
/// emergency is only ever paired with emergency wording, a sign they call urgent never only with "see a GP" or "if it
/// lasts a few days", and "seek urgent care" or 999 is only used for a sign the rules call emergency. The signs and the
/// wording live in data files (Data/kb-help-signs.tsv, Data/kb-help-advice.tsv); each sign's level is read from the
/// rules, and Stride's own triage engine must fire that rule on the sign's probe sentence.
/// </summary>
public sealed class KbHelpWordingAgreesWithTriageTests(OwnKbFixture own, TriageFixture triage)
    : IClassFixture<OwnKbFixture>, IClassFixture<TriageFixture>
{
    /// <summary>How strongly a scope tells people to get help (the order matters: it is compared with levels).</summary>
    private enum Strength
    {
        None = 0,
        Weak = 1,
        Urgent = 2,
        Emergency = 3,
    }

    private sealed record Sign(string Rule, string Probe, Regex Pattern);

    private static readonly RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(TestPaths.DataFile(file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split('\t'));

    private static readonly Sign[] Signs = Rows("kb-help-signs.tsv").Select(c => new Sign(c[0], c[1], new Regex(c[2], Options))).ToArray();

    private static readonly (Strength Strength, Regex Pattern)[] Advice =
        Rows("kb-help-advice.tsv").Select(c => (Enum.Parse<Strength>(c[0], ignoreCase: true), new Regex(c[1], Options))).ToArray();

    private TriageLevel LevelOf(string rule) => triage.Engine.Rules.Rules.Single(r => r.Id == rule).Level;

    private static Strength StrengthOf(string text) =>
        Advice.Where(a => a.Pattern.IsMatch(text)).Select(a => a.Strength).DefaultIfEmpty(Strength.None).Max();

    /// <summary>
    /// The scopes of an answer: each other paragraph, and each bullet together with the sentence that opens its list
    /// ("Seek urgent care if:"); when that sentence gives no advice ("Warning signs include:"), the first sentence after
    /// the list counts too ("Seek urgent care straight away.").
    /// </summary>
    private static IEnumerable<string> Scopes(string answer)
    {
        static string[] Sentences(string paragraph) => Regex.Split(paragraph.Trim(), @"(?<=[.!?])\s+");

        var paragraphs = Regex.Split(answer.Trim(), @"\n\s*\n")
            .Select(p => p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        static bool IsList(string[] lines) => lines.Length > 0 && lines.All(l => l.StartsWith("- ", StringComparison.Ordinal));
        var header = "";
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (IsList(paragraphs[i]))
            {
                var after = StrengthOf(header) == Strength.None && i + 1 < paragraphs.Count && !IsList(paragraphs[i + 1])
                    ? Sentences(string.Join(' ', paragraphs[i + 1]))[0]
                    : "";
                foreach (var bullet in paragraphs[i])
                {
                    yield return header + " " + bullet[2..] + " " + after;
                }
            }
            else
            {
                var paragraph = string.Join(' ', paragraphs[i]);
                yield return paragraph;
                header = Sentences(paragraph).Last();
            }
        }
    }

    /// <summary>Every way the KB's answers break the agreement; <paramref name="answers"/> are (id, answer) pairs.</summary>
    private List<string> Disagreements(IEnumerable<(string Id, string Answer)> answers)
    {
        var problems = new List<string>();
        foreach (var (id, answer) in answers)
        {
            var wellAdvised = new HashSet<string>(StringComparer.Ordinal);
            var mentioned = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var scope in Scopes(answer))
            {
                var found = Signs.Where(s => s.Pattern.IsMatch(scope)).Select(s => (s.Rule, Level: LevelOf(s.Rule))).Distinct().ToList();
                if (found.Count == 0)
                {
                    continue;
                }

                var strength = StrengthOf(scope);
                var flat = Regex.Replace(scope, @"\s+", " ").Trim();
                foreach (var (rule, level) in found.Where(f => f.Level >= TriageLevel.Urgent))
                {
                    var needed = level == TriageLevel.Emergency ? Strength.Emergency : Strength.Urgent;
                    mentioned.TryAdd(rule, flat);
                    if (strength >= needed)
                    {
                        wellAdvised.Add(rule);
                    }
                    else if (strength != Strength.None)
                    {
                        problems.Add($"{id}: '{rule}' is {level.Name()} in the rules, but is paired with {strength.ToString().ToLowerInvariant()} advice: \"{flat}\"");
                    }
                }

                if (strength == Strength.Emergency && found.All(f => f.Level < TriageLevel.Emergency))
                {
                    problems.Add($"{id}: emergency wording for {string.Join(", ", found.Select(f => $"'{f.Rule}' ({f.Level.Name()})"))}, which the rules do not call an emergency: \"{flat}\"");
                }
            }

            problems.AddRange(mentioned.Where(m => !wellAdvised.Contains(m.Key)).Select(m =>
                $"{id}: '{m.Key}' is {LevelOf(m.Key).Name()} in the rules, but the answer never says to get {LevelOf(m.Key).Name()} help for it: \"{m.Value}\""));
        }

        return problems;
    }

    [Fact]
    public void Every_sign_is_a_rule_and_the_triage_engine_fires_it_on_the_probe()
    {
        Assert.True(Signs.Length >= 10, $"only {Signs.Length} signs");
        foreach (var sign in Signs)
        {
            Assert.Contains(triage.Engine.Rules.Rules, r => r.Id == sign.Rule);
            var result = triage.Engine.Triage(sign.Probe);
            Assert.True(
                result.Reasons.Any(r => r.Rule == sign.Rule) && result.Level == LevelOf(sign.Rule),
                $"'{sign.Probe}' -> {result.Level.Name()} ({string.Join(", ", result.Reasons.Select(r => r.Rule))}), expected rule '{sign.Rule}' at {LevelOf(sign.Rule).Name()}");
        }

        Assert.Contains(Signs, s => LevelOf(s.Rule) == TriageLevel.Emergency);
        Assert.Contains(Signs, s => LevelOf(s.Rule) == TriageLevel.Urgent);
    }

    [Fact]
    public void Kb_help_wording_agrees_with_the_triage_rule_levels()
    {
        var problems = Disagreements(own.KnowledgeBase.Entries.Select(e => (e.Id, e.Answer)));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("Most back pain is mild.\n\nSee a GP soon if the pain is much worse when you cough or sneeze.")]
    [InlineData("Most back pain is mild.\n\nSee a GP if:\n\n- you lose control of your bladder.")]
    [InlineData("Most back pain is mild.\n\nSeek urgent care, and call 999, if the pain is worse at night.")]
    [InlineData("If you still cannot walk after a few days with a high temperature, call your GP.")]
    [InlineData("Signs include:\n\n- pain that is worse when you cough or sneeze.\n\nA doctor may test your reflexes.\n\nSeek urgent care if you lose control of your bladder.")]
    public void The_check_finds_weak_or_overstated_help_wording(string answer) =>
        Assert.NotEmpty(Disagreements([("example", answer)]));

    [Theory]
    [InlineData("Ask for an urgent GP appointment, or call 111, if the pain is much worse when you cough or sneeze.")]
    [InlineData("Seek urgent care, and call 999 in the UK or 911 in the US, if:\n\n- you lose control of your bladder.\n- you have chest pain.")]
    public void The_check_passes_wording_that_matches_the_rules(string answer) =>
        Assert.Empty(Disagreements([("example", answer)]));
}
