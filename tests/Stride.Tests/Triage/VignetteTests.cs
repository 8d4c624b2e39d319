using Stride.Triage;

namespace Stride.Tests.Triage;

/// <summary>The quality bar: our clinician-labelled vignettes (Data/triage-vignettes.tsv).</summary>
public sealed class VignetteTests(TriageFixture triage, ITestOutputHelper output) : IClassFixture<TriageFixture>
{
    private static IReadOnlyList<TriageVignette> Vignettes(string file = "triage-vignettes.tsv")
    {
        using var reader = File.OpenText(TestPaths.DataFile(file));
        var (vignettes, error) = TriageEvaluation.ReadTsv(reader);
        Assert.Null(error);
        return vignettes;
    }

    [Theory]
    [InlineData("triage-vignettes.tsv", 120)]
    [InlineData("triage-vignettes-heldout.tsv", 80)]
    [InlineData("triage-vignettes-blind.tsv", 70)]
    [InlineData("triage-v2-tuning.tsv", 230)]
    [InlineData("triage-v2-heldout.tsv", 220)]
    [InlineData("triage-v2-fresh.tsv", 220)]
    [InlineData("triage-v3-tuning.tsv", 212)]
    [InlineData("triage-v3-heldout.tsv", 208)]
    [InlineData("triage-v4-tuning.tsv", 213)]
    [InlineData("triage-v4-heldout.tsv", 207)]
    [InlineData("triage-v5-test.tsv", 420)]
    [InlineData("triage-v6-tuning.tsv", 219)]
    [InlineData("triage-v6-heldout.tsv", 221)]
    [InlineData("triage-v7-test.tsv", 400)]
    [InlineData("triage-v8-test.tsv", 400)]
    [InlineData("triage-v9-test.tsv", 400)]
    [InlineData("triage-v10-test.tsv", 400)]
    [InlineData("triage-v11-test.tsv", 400)]
    [InlineData("triage-v12-test.tsv", 400)]
    [InlineData("triage-v13-test.tsv", 400)]
    [InlineData("triage-v14-test.tsv", 400)]
    [InlineData("triage-v15-test.tsv", 400)]
    public void Vignettes_meet_the_safety_bar(string file, int minimum)
    {
        var vignettes = Vignettes(file);
        Assert.True(vignettes.Count >= minimum, $"only {vignettes.Count} vignettes");
        var evaluation = TriageEvaluation.Run(triage.Engine, vignettes);
        output.WriteLine(evaluation.Report());
        foreach (var (v, r) in evaluation.Outcomes.Where(o => o.Result.Level != o.Vignette.Expected))
        {
            output.WriteLine($"line {v.Line}: expected {v.Expected.Name()}, got {r.Level.Name()} [{string.Join("; ", r.Reasons.Select(x => $"{x.Rule}: \"{x.Evidence}\""))}] {v.Text}");
        }

        Assert.Equal(1.0, evaluation.EmergencySensitivity);
        Assert.True(evaluation.ExactAccuracy >= 0.9, $"exact accuracy {evaluation.ExactAccuracy:P1}");
        Assert.True(evaluation.UnderTriageRate <= 0.03, $"under-triage {evaluation.UnderTriageRate:P1}");
    }

    [Fact]
    public void The_report_lists_each_under_triaged_text_with_its_labelled_concept()
    {
        var (vignettes, error) = TriageEvaluation.ReadTsv(new StringReader("text\tlevel\tconcept\nmy back aches a bit\temergency\tsaddle_numbness\n"));
        Assert.Null(error);
        var report = TriageEvaluation.Run(triage.Engine, vignettes).Report();
        Assert.Contains("missed saddle_numbness", report, StringComparison.Ordinal);
        Assert.Contains("over-triage rate", report, StringComparison.Ordinal);
    }
}
