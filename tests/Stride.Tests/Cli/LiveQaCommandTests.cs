using System.Text.Json;
using Stride.Cli;

namespace Stride.Tests.Cli;

/// <summary><c>stride eval liveqa</c> end to end on the real MedQuAD and LiveQA-Med files.</summary>
[Trait("Data", "shared")]
public sealed class LiveQaCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Stride(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_run_does_not_depend_on_the_judgments_and_the_figures_follow_the_json_contract()
    {
        _ = TestPaths.Shared("medquad");
        _ = TestPaths.Shared("liveqa-med-2017");
        using var temp = new TempFolder();
        var blind = Path.Combine(temp.Path, "blind.run");
        var scored = Path.Combine(temp.Path, "scored.run");
        var unjudged = Path.Combine(temp.Path, "unjudged.tsv");

        var first = await Stride("eval", "liveqa", "--qrels", "none", "--run-out", blind);
        Assert.True(first.Code == 0, first.Error);
        var second = await Stride("eval", "liveqa", "--json", "--run-out", scored, "--unjudged-out", unjudged,
            "--answers-csv", Directory.GetFiles(TestPaths.Shared("medquad/judged"), "*.csv").Single());
        Assert.True(second.Code == 0, second.Error);

        Assert.Equal(File.ReadAllText(blind), File.ReadAllText(scored));
        var lines = File.ReadAllLines(scored);
        Assert.Matches(@"^TQ\d+ Q0 \S+_Sec\d+\.txt \d+ -?\d+\.\d+ \S+$", lines[0]);
        Assert.Equal(104, lines.Select(l => l.Split(' ')[0]).Distinct().Count());

        using var doc = JsonDocument.Parse(second.Output);
        foreach (var name in new[] { "avgScore", "succ1", "succ2", "succ3", "map10", "mrr10", "ndcg10", "p1", "unjudged1", "unjudged10", "condensedAvgScore", "condensedNdcg10" })
        {
            var value = doc.RootElement.GetProperty(name).GetDouble();
            Assert.InRange(value, 0, 3);
        }

        // The printed figures are the documented ones (the evaluation tests check every column; these guard the CLI's wiring).
        DocumentedFigures.Near(DocumentedFigures.Row("system", "Stride defaults")["avgScore"], doc.RootElement.GetProperty("avgScore").GetDouble(), "avgScore");

        // What ask itself shows, threshold included: real consumer messages about named conditions and drugs get an
        // answer rather than "no good answer".
        Assert.Equal((int)DocumentedFigures.Number(@"it answers (\d+) of the 104 messages"), doc.RootElement.GetProperty("askAnswered").GetInt32());
        DocumentedFigures.Near(DocumentedFigures.Number(@"counting ""no good answer"" as 0, is (\d\.\d+) \(defaults\)"), doc.RootElement.GetProperty("askAvgScore").GetDouble(), "askAvgScore");

        Assert.StartsWith("question_id\t", File.ReadLines(unjudged).First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_bad_input()
    {
        Assert.Equal(2, (await Stride("eval", "liveqa", "--variant", "poetry")).Code);

        // The questions file is checked after the default MedQuAD folder, which must be there for this message.
        _ = TestPaths.Shared("medquad");
        var missing = await Stride("eval", "liveqa", "--questions", "/no/such.xml");
        Assert.Equal(2, missing.Code);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
    }
}
