using Stride.Knowledge;
using Stride.Search;

namespace Stride.Tests.Knowledge;

public sealed class KbLinterTests
{
    private static LintReport Lint(string yaml)
    {
        using var temp = new TempFolder();
        var load = KbFileLoader.Load([temp.File("kb.yaml", yaml)]);
        Assert.NotNull(load.KnowledgeBase);
        using var analysis = new TextAnalysis();
        return new KbLinter(analysis).Lint(load.KnowledgeBase!);
    }

    private static string Entry(string url, string answer = "Walking often helps a sore back because gentle movement keeps the joints and muscles working.") => $$"""
        entries:
          - id: walking
            topic: walking
            question: Does walking help a sore back?
            answer: "{{answer}}"
            sources: [{ title: NHS, url: "{{url}}" }]
        """;

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void A_source_link_that_is_not_http_is_an_error(string url)
    {
        var report = Lint(Entry(url));
        Assert.Contains(report.Findings, f => f.Severity == DiagnosticSeverity.Error && f.ToString().Contains("unsafe-link", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_in_an_answer_are_an_error()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking helps \\u001b[2J a sore back because gentle movement keeps the joints and muscles working."));
        Assert.Contains(report.Findings, f => f.Severity == DiagnosticSeverity.Error && f.ToString().Contains("control-characters", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_entry_with_an_https_source_has_no_errors()
    {
        var report = Lint(Entry("https://www.nhs.uk/conditions/back-pain/"));
        Assert.DoesNotContain(report.Findings, f => f.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Repeated_warnings_become_one_line_with_a_count_and_errors_come_first()
    {
        var entries = string.Concat(Enumerable.Range(1, 5).Select(i => $$"""
              - id: e{{i}}
                topic: walking
                question: Does walking help a sore back number {{i}}?
                answer: "Walking often helps a sore back because gentle movement keeps the joints and muscles working well."
                sources: [{ title: Leaflet, url: "http://example.org/{{i}}" }]

            """));
        var bad = """
              - id: bad
                topic: walking
                question: Is this link safe?
                answer: "Walking often helps a sore back because gentle movement keeps the joints and muscles working."
                sources: [{ title: Bad, url: "javascript:alert(1)" }]
            """;
        var report = Lint("entries:\n" + entries + bad + "\n");
        var lines = report.Lines().ToList();
        Assert.Contains(lines, l => l.Contains("error: [unsafe-link]", StringComparison.Ordinal));
        var lastError = lines.FindLastIndex(l => l.Contains(": error: ", StringComparison.Ordinal));
        var firstWarning = lines.FindIndex(l => l.Contains("warning: ", StringComparison.Ordinal));
        Assert.True(lastError < firstWarning, "errors come before warnings");
        Assert.Single(lines, l => l.Contains("no-source-link", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("5 entries", StringComparison.Ordinal));
    }

    [Fact]
    public void A_related_id_that_is_no_entry_is_an_error_naming_both_ids()
    {
        var report = Lint("""
            entries:
              - id: walking
                topic: walking
                question: Does walking help a sore back?
                answer: "Walking often helps a sore back because gentle movement keeps the joints and muscles working."
                sources: [{ title: NHS, url: "https://www.nhs.uk/" }]
                related: [resting, gone-away]
              - id: resting
                topic: walking
                question: Should I rest a sore back in bed?
                answer: "Long bed rest makes a sore back stiffer; short rests between gentle walks are fine."
                sources: [{ title: NHS, url: "https://www.nhs.uk/" }]
            """);

        var finding = Assert.Single(report.Findings, f => f.Code == "missing-related");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal("walking", finding.EntryId);
        Assert.Contains("'gone-away'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_with_a_clinic_number_to_call_is_a_promotional_error()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking often helps a sore back. For a quick appointment at our spine clinic, ring 555-123-4567 today."));

        var finding = Assert.Single(report.Findings, f => f.Code == "promotional");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains("555-123-4567", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_that_names_help_lines_is_not_promotional()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking often helps a sore back. If both legs go weak, seek urgent care: call 999 in the UK or 911 in the US. For a low mood, call 116 123, NHS 111 or 988."));

        Assert.DoesNotContain(report.Findings, f => f.Code == "promotional");
    }

    [Fact]
    public void An_answer_that_ends_with_an_ellipsis_is_truncated_without_a_flag()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking often helps a sore back because gentle movement keeps the joints and..."));

        Assert.Contains(report.Findings, f => f.Code == "truncated" && f.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(report.Findings, f => f.Code == "mid-ellipsis");
    }

    [Fact]
    public void An_ellipsis_in_mid_answer_is_a_mid_ellipsis_error()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking often helps a sore back. ... Keep the joints and muscles working with gentle movement."));

        var finding = Assert.Single(report.Findings, f => f.Code == "mid-ellipsis");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.DoesNotContain(report.Findings, f => f.Code == "truncated");
    }

    [Fact]
    public void An_answer_that_announces_a_list_and_stops_is_a_missing_list_error()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking often helps a sore back. Gentle movement keeps the joints working, for reasons such as:"));

        var finding = Assert.Single(report.Findings, f => f.Code == "missing-list");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.EndsWith("such as:')", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_run_together_are_a_run_together_warning()
    {
        var report = Lint(Entry("https://www.nhs.uk/", "Walking often helps a sore back. Gentle movement keeps the joints workingKeep the muscles strong."));

        var finding = Assert.Single(report.Findings, f => f.Code == "run-together");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("'workingKeep'", finding.Message, StringComparison.Ordinal);
    }
}
