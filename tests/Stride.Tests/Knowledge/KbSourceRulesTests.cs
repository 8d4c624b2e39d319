using Stride.Knowledge;
using Stride.Search;
using Stride.Tests.Search;

namespace Stride.Tests.Knowledge;

/// <summary>The source checks of <c>kb lint</c> (unbacked-claim, overused-source) and their data file, kb/source-rules.yaml.</summary>
public sealed class KbSourceRulesTests(OwnKbFixture own) : IClassFixture<OwnKbFixture>
{
    private static string RulesFile => Path.Combine(TestPaths.KbFolder, "source-rules.yaml");

    private static KbSourceRules OwnRules()
    {
        using var reader = File.OpenText(RulesFile);
        var (rules, errors) = KbSourceRules.Read(reader, RulesFile);
        Assert.Empty(errors);
        return rules!;
    }

    private static KbSourceRules Rules(string yaml)
    {
        var (rules, errors) = KbSourceRules.Read(new StringReader(yaml), "rules.yaml");
        Assert.Empty(errors);
        return rules!;
    }

    private const string SmallRules = """
        generalPages: [https://www.nhs.uk/conditions/back-pain/]
        claimPatterns: ['\bstudies\b', '\b\d+\s*%']
        maxEntriesPerSource: 2
        sharedSources: []
        """;

    private static LintReport Lint(string entries, KbSourceRules rules)
    {
        using var temp = new TempFolder();
        var load = KbFileLoader.Load([temp.File("kb.yaml", entries)]);
        Assert.NotNull(load.KnowledgeBase);
        using var analysis = new TextAnalysis();
        return new KbLinter(analysis, rules).Lint(load.KnowledgeBase!);
    }

    private static string Entry(string id, string answer, params string[] urls) => $$"""
          - id: {{id}}
            topic: walking
            question: Does walking help a sore back, question {{id}}?
            answer: "{{answer}}"
            sources: [{{string.Join(", ", urls.Select(u => $"{{ title: Source, url: \"{u}\" }}"))}}]

        """;

    [Fact]
    public void A_claim_backed_only_by_general_pages_is_an_error_and_a_specific_source_clears_it()
    {
        const string claim = "Studies show that walking often helps a sore back because gentle movement keeps joints and muscles working.";
        var general = Lint("entries:\n" + Entry("a", claim, "https://www.nhs.uk/conditions/back-pain"), Rules(SmallRules));
        Assert.Contains(general.Findings, f => f.Severity == DiagnosticSeverity.Error && f.Code == "unbacked-claim");

        var specific = Lint("entries:\n" + Entry("a", claim, "https://www.nhs.uk/conditions/back-pain/", "https://doi.org/10.1000/trial"), Rules(SmallRules));
        Assert.DoesNotContain(specific.Findings, f => f.Code == "unbacked-claim");

        var advice = Lint("entries:\n" + Entry("a", "Walking often helps a sore back because gentle movement keeps the joints and muscles working.", "https://www.nhs.uk/conditions/back-pain/"), Rules(SmallRules));
        Assert.DoesNotContain(advice.Findings, f => f.Code == "unbacked-claim");
    }

    [Fact]
    public void A_source_behind_too_many_entries_is_an_error_unless_it_has_a_reason()
    {
        var entries = "entries:\n" + string.Concat(Enumerable.Range(1, 3).Select(i =>
            Entry($"e{i}", $"Walking helps a sore back in way number {i} because gentle movement keeps the joints and muscles working {i}.", "https://example.org/page")));
        Assert.Contains(Lint(entries, Rules(SmallRules)).Findings, f => f.Severity == DiagnosticSeverity.Error && f.Code == "overused-source");

        var withReason = SmallRules.Replace("sharedSources: []", "sharedSources: [{ url: 'https://example.org/page/', reason: A hub page. }]", StringComparison.Ordinal);
        Assert.DoesNotContain(Lint(entries, Rules(withReason)).Findings, f => f.Code == "overused-source");
    }

    [Theory]
    [InlineData("generalPages: []\nclaimPatterns: ['(']\nmaxEntriesPerSource: 3\nsharedSources: []\n", "not a valid regular expression")]
    [InlineData("generalPages: [a]\nclaimPatterns: [b]\nmaxEntriesPerSource: 0\nsharedSources: []\n", "maxEntriesPerSource")]
    [InlineData("generalPages: [a]\nclaimPatterns: [b]\nmaxEntriesPerSource: 3\nsharedSources: [{ url: x }]\n", "'reason'")]
    [InlineData("generalPages: [a]\nclaimPatterns: [b]\nmaxEntriesPerSource: 3\nsharedSources: []\nmaxEntries: 4\n", "unknown field")]
    public void A_broken_rules_file_is_reported_with_its_line(string yaml, string expected)
    {
        var (rules, errors) = KbSourceRules.Read(new StringReader(yaml), "rules.yaml");
        Assert.Null(rules);
        Assert.Contains(errors, e => e.ToString().Contains(expected, StringComparison.Ordinal) && e.ToString().StartsWith("rules.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void No_source_backs_more_entries_than_the_rules_allow_unless_it_has_a_reason()
    {
        var rules = OwnRules();
        Assert.InRange(rules.MaxEntriesPerSource, 5, 30);
        var overused = own.KnowledgeBase.Entries
            .SelectMany(e => e.Sources.Select(s => KbSourceRules.Normalize(s.Url)).Distinct().Select(url => (url, e.Id)))
            .GroupBy(p => p.url)
            .Where(g => g.Count() > rules.MaxEntriesPerSource && rules.SharedReason(g.Key) is null)
            .Select(g => $"{g.Key} backs {g.Count()} entries")
            .ToList();
        Assert.True(overused.Count == 0, string.Join('\n', overused));
        Assert.All(rules.SharedSources, s => Assert.True(s.Reason.Split(' ').Length >= 8, $"{s.Url}: give a real reason"));
    }

    [Fact]
    public void Every_entry_that_states_evidence_or_a_figure_cites_a_specific_source()
    {
        var rules = OwnRules();
        var unbacked = own.KnowledgeBase.Entries
            .Where(e => rules.FirstClaim(e.Answer) is not null && e.Sources.All(s => rules.IsGeneral(s.Url)))
            .Select(e => $"{e.Id}: '{rules.FirstClaim(e.Answer)}'")
            .ToList();
        Assert.True(unbacked.Count == 0, string.Join('\n', unbacked));
        Assert.Contains(own.KnowledgeBase.Entries, e => rules.FirstClaim(e.Answer) is not null);
    }
}
