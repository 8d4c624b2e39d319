using Stride.Triage;

namespace Stride.Tests.Triage;

public sealed class TriageRuleSetTests
{
    private const string Minimal = """
        advice:
          emergency: Call 999.
          urgent: See a doctor today.
          routine: Book a GP.
          selfcare: Keep moving.
        terms:
          PEE: [pee, wee]
        cues:
          negationBefore: ["no"]
        rules:
          - id: retention
            level: emergency
            explanation: Not being able to pee matters.
            sources: [{ title: NHS, url: "https://www.nhs.uk/" }]
            patterns: ["cant {PEE}", "trouble peeing"]
        checklist: ["you cannot pee"]
        """;

    private static TriageEngine EngineFor(string rulesYaml)
    {
        var (rules, errors) = TriageRuleSet.Read(new StringReader(rulesYaml), "rules.yaml");
        Assert.Empty(errors);
        return new TriageEngine(rules!);
    }

    [Fact]
    public void A_minimal_rules_file_works()
    {
        var engine = EngineFor(Minimal);
        Assert.Equal(TriageLevel.Emergency, engine.Triage("I cant wee").Level);
        Assert.Equal(TriageLevel.Emergency, engine.Triage("I have trouble peeing").Level);
        Assert.Equal(TriageLevel.Selfcare, engine.Triage("no trouble peeing").Level);
    }

    [Fact]
    public void Unknown_terms_are_reported_with_their_line()
    {
        var (rules, errors) = TriageRuleSet.Read(new StringReader(Minimal.Replace("{PEE}", "{POO}", StringComparison.Ordinal)), "rules.yaml");
        Assert.Null(rules);
        Assert.Contains(errors, e => e.Line == 15 && e.Message.Contains("{POO}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_concept_phrase_with_alternatives_inside_is_an_error_with_its_line()
    {
        var (rules, errors) = TriageRuleSet.Read(new StringReader(Minimal.Replace("[pee, wee]", "[pee, \"wee|piss\"]", StringComparison.Ordinal)), "rules.yaml");
        Assert.Null(rules);
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("wee|piss", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_range_matches_inclusive_bounds_with_or_without_a_unit_glued_on()
    {
        var engine = EngineFor(Minimal.Replace("\"trouble peeing\"]", "\"trouble peeing\", \"#20~42 weeks\", \"#20~42wks\"]", StringComparison.Ordinal));
        Assert.Equal(TriageLevel.Emergency, engine.Triage("I am 20 weeks").Level);
        Assert.Equal(TriageLevel.Emergency, engine.Triage("42 weeks now").Level);
        Assert.Equal(TriageLevel.Emergency, engine.Triage("33wks and sore").Level);
        Assert.Equal(TriageLevel.Selfcare, engine.Triage("19 weeks").Level);
        Assert.Equal(TriageLevel.Selfcare, engine.Triage("43wks").Level);
    }

    [Fact]
    public void Rules_need_a_source_and_a_known_level()
    {
        var text = Minimal.Replace("level: emergency", "level: panic", StringComparison.Ordinal);
        Assert.Contains(TriageRuleSet.Read(new StringReader(text), "rules.yaml").Errors, e => e.Message.Contains("'level'", StringComparison.Ordinal));
        text = Minimal.Replace("https://www.nhs.uk/", "www.nhs.uk", StringComparison.Ordinal);
        Assert.Contains(TriageRuleSet.Read(new StringReader(text), "rules.yaml").Errors, e => e.Message.Contains("https", StringComparison.Ordinal));
    }

    [Fact]
    public void Misspelt_rule_fields_and_loose_booleans_are_errors()
    {
        var text = Minimal.Replace("patterns: [", "unles: [\"a lot\"]\n    history: yes\n    patterns: [", StringComparison.Ordinal);
        var errors = TriageRuleSet.Read(new StringReader(text), "rules.yaml").Errors;
        Assert.Contains(errors, e => e.Message.Contains("unknown rule field 'unles'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'history' must be true or false", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_names_its_entry_by_one_id_and_anything_else_is_an_error_with_its_line()
    {
        var named = TriageRuleSet.Read(new StringReader(Minimal.Replace("patterns: [", "entry: doctor-red-flags\n    patterns: [", StringComparison.Ordinal)), "rules.yaml");
        Assert.Empty(named.Errors);
        Assert.Equal("doctor-red-flags", Assert.Single(named.RuleSet!.Rules).Entry);

        var errors = TriageRuleSet.Read(new StringReader(Minimal.Replace("patterns: [", "entry: [a, b]\n    patterns: [", StringComparison.Ordinal)), "rules.yaml").Errors;
        var error = Assert.Single(errors);
        Assert.Contains("'entry' must be one knowledge-base entry id", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Strides_rules_file_loads_and_every_rule_has_a_source()
    {
        var rules = Stride.Tests.Search.Engines.Triage.Rules;
        Assert.True(rules.Rules.Count >= 20);
        Assert.All(rules.Rules, r => Assert.NotEmpty(r.Sources));
        Assert.Equal(4, rules.Advice.Count);
    }

    [Fact]
    public void A_rules_file_without_the_emergency_checklist_is_refused()
    {
        var text = Minimal.Replace("checklist: [\"you cannot pee\"]", string.Empty, StringComparison.Ordinal);
        Assert.Contains(TriageRuleSet.Read(new StringReader(text), "rules.yaml").Errors, e => e.Message.Contains("checklist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_concept_written_as_a_lexicon_needs_its_sources()
    {
        var text = Minimal.Replace("terms:\n  PEE: [pee, wee]", "concepts:\n  PEE:\n    means: passing urine\n    terms: [pee, wee]", StringComparison.Ordinal);
        Assert.NotEqual(Minimal, text);
        Assert.Contains(TriageRuleSet.Read(new StringReader(text), "rules.yaml").Errors, e => e.Message.Contains("'PEE' needs 'sources'", StringComparison.Ordinal));
    }

    [Fact]
    public void Concepts_compose_in_either_order_within_a_sentence()
    {
        var text = Minimal.Replace("patterns: [\"cant {PEE}\", \"trouble peeing\"]", "patterns: [\"lost_control|no_control & bladder\"]", StringComparison.Ordinal);
        var engine = EngineFor(text);
        Assert.Equal(TriageLevel.Emergency, engine.Triage("he has lost control of his bladder").Level);
        Assert.Equal(TriageLevel.Emergency, engine.Triage("his bladder: no control since this morning").Level);
        Assert.Equal(TriageLevel.Selfcare, engine.Triage("bladder fine. I lost control of the car keys").Level);
    }
}
