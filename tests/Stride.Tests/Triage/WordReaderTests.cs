using Stride.Evaluation;
using Stride.Hosting;
using Stride.Tests.Cli;
using Stride.Triage;

namespace Stride.Tests.Triage;

/// <summary>The triage second readers (kb/triage-reader-*.tsv): how they read words, their file, and what they may change.</summary>
public sealed class WordReaderTests(TriageFixture triage)
    : IClassFixture<TriageFixture>
{
    private static readonly HashSet<string> No = new(StringComparer.Ordinal) { "no", "not" };

    [Fact]
    public void Words_after_a_negation_are_read_as_other_words_up_to_the_end_of_their_clause()
    {
        var features = WordReader.Features("no numbness down below, but my legs are numb", No);

        Assert.Contains("~numbness", features);
        Assert.DoesNotContain("numbness", features);
        Assert.Contains("numb", features);
        Assert.Contains("legs_are", features);
    }

    [Fact]
    public void Numbers_are_read_by_their_shape_and_long_words_also_by_their_first_letters()
    {
        var features = WordReader.Features("temp 39.8 after a crash at 25mph, tingling", No);

        Assert.Contains("0", features);
        Assert.Contains("0mph", features);
        Assert.Contains("tingl*", features);
        Assert.DoesNotContain("39.8", features);
    }

    [Fact]
    public void A_reader_file_round_trips_and_gives_the_same_chances()
    {
        var reader = new WordReader(new Dictionary<string, double> { ["zebra"] = 4, ["~zebra"] = -2 }, -1.5, 0.6, No, "Because of the zebra.", TriageLevel.Urgent);
        var written = new StringWriter();
        reader.Write(written, ["a comment"]);

        var (read, errors) = WordReader.Read(new StringReader(written.ToString()), "r.tsv");

        Assert.Empty(errors);
        Assert.Equal(TriageLevel.Urgent, read!.Level);
        Assert.Equal(0.6, read.Threshold);
        Assert.Equal("Because of the zebra.", read.Explanation);
        Assert.Equal(reader.Read("I saw a zebra").Probability, read.Read("I saw a zebra").Probability, 10);
        Assert.True(read.Read("I saw a zebra").IsEmergencyLike);
        Assert.False(read.Read("I saw no zebra").IsEmergencyLike);
    }

    [Theory]
    [InlineData("#level\temergency\n#bias\t-1\n#threshold\t0.5\n#explanation\tx\nnumb\tlots\n", "r.tsv:5: error: the weight of 'numb' is not a number")]
    [InlineData("#level\temergency\n#bias\t-1\n#threshold\t1.5\n#explanation\tx\nnumb\t1\n", "r.tsv:3: error: #threshold must be a number between 0 and 1")]
    [InlineData("#level\troutine\n#bias\t-1\n#threshold\t0.5\n#explanation\tx\nnumb\t1\n", "r.tsv:1: error: #level must be emergency or urgent")]
    [InlineData("#bias\t-1\n#threshold\t0.5\n#colour\tred\n#explanation\tx\nnumb\t1\n", "r.tsv:3: error: unknown setting '#colour'")]
    [InlineData("#bias\t-1\n#threshold\t0.5\nnumb\t1\n", "r.tsv:3: error: a reader file needs #bias, #threshold, #explanation")]
    [InlineData("#bias\t-1\n#threshold\t0.5\n#explanation\tx\nnumb\t1\nnumb\t2\n", "r.tsv:5: error: feature 'numb' is listed twice")]
    public void A_damaged_reader_file_is_reported_with_its_line(string content, string expected)
    {
        var (reader, errors) = WordReader.Read(new StringReader(content), "r.tsv");

        Assert.Null(reader);
        Assert.Contains(errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reader_raises_a_result_the_rules_missed_quoting_the_sentence_and_never_lowers_one()
    {
        var zebra = new WordReader(new Dictionary<string, double> { ["zebra"] = 6 }, -3, 0.5, No, "Zebras are serious.");
        var engine = new TriageEngine(triage.Engine.Rules, [zebra]);

        var raised = engine.Triage("My back aches. I keep seeing a zebra in the garden.");
        Assert.Equal(TriageLevel.Emergency, raised.Level);
        Assert.Equal(WordReader.RuleName, raised.Reasons[0].Rule);
        Assert.Equal("I keep seeing a zebra in the garden", raised.Reasons[0].Evidence);
        Assert.Equal("Zebras are serious.", raised.Reasons[0].Explanation);
        Assert.Empty(raised.EmergencyChecklist);

        var urgentOnly = new TriageEngine(triage.Engine.Rules, [new WordReader(new Dictionary<string, double> { ["legs"] = -9 }, 9, 0.5, No, "x", TriageLevel.Urgent)]);
        var rulesEmergency = urgentOnly.Triage("both my legs have gone numb");
        Assert.Equal(TriageLevel.Emergency, rulesEmergency.Level);
        Assert.DoesNotContain(rulesEmergency.Reasons, r => r.Rule == WordReader.RuleName);

        Assert.Equal(TriageLevel.Selfcare, engine.Triage("my back is stiff after gardening").Level);
    }

    [Fact]
    public void Raising_a_message_the_rules_already_placed_at_urgent_takes_a_higher_chance()
    {
        // bias 0 and one word worth 0.85 give a chance of 0.70: over 0.3 but under 0.8.
        var reader = new WordReader(new Dictionary<string, double> { ["zebra"] = 0.8473 }, 0, 0.3, No, "x", TriageLevel.Emergency, thresholdOverUrgent: 0.8);
        var reading = reader.Read("a zebra");

        Assert.True(reader.Raises(reading, TriageLevel.Selfcare));
        Assert.True(reader.Raises(reading, TriageLevel.Routine));
        Assert.False(reader.Raises(reading, TriageLevel.Urgent));
        Assert.False(reader.Raises(reading, TriageLevel.Emergency));

        var written = new StringWriter();
        reader.Write(written, []);
        Assert.Contains("#thresholdOverUrgent\t0.8", written.ToString(), StringComparison.Ordinal);
        Assert.Equal(0.8, WordReader.Read(new StringReader(written.ToString()), "r.tsv").Reader!.ThresholdOverUrgent);
    }

    [Fact]
    public void A_message_with_no_report_cue_takes_a_higher_chance_to_be_raised()
    {
        // bias 0 and one word worth 0.85 give a chance of 0.70: over 0.3 but under 0.8.
        var reader = new WordReader(new Dictionary<string, double> { ["zebra"] = 0.8473 }, 0, 0.3, No, "x", TriageLevel.Emergency, thresholdWithoutReport: 0.8);
        var reading = reader.Read("a zebra");

        Assert.True(reader.Raises(reading, TriageLevel.Selfcare, reportsSomething: true));
        Assert.False(reader.Raises(reading, TriageLevel.Selfcare, reportsSomething: false));

        var written = new StringWriter();
        reader.Write(written, []);
        Assert.Contains("#thresholdWithoutReport\t0.8", written.ToString(), StringComparison.Ordinal);
        Assert.Equal(0.8, WordReader.Read(new StringReader(written.ToString()), "r.tsv").Reader!.ThresholdWithoutReport);
    }

    [Theory]
    [InlineData("how many people have back pain")]
    [InlineData("whats the diff between kidney pain and back pain")]
    [InlineData("is sleepin on ur tummy bad for lower back")]
    [InlineData("how to walk properly to protect your back")]
    public void A_plain_question_that_reports_nothing_is_not_called_an_emergency_by_the_reader(string question)
    {
        // Each was raised to emergency by the shipped reader at 0.3 (chances 0.36 to 0.53) before plain questions
        // needed #thresholdWithoutReport.
        var result = triage.Engine.Triage(question);

        Assert.DoesNotContain(result.Reasons, r => r.Rule == WordReader.RuleName && r.Level == TriageLevel.Emergency);
    }

    [Theory]
    [InlineData("back pain, suddenly cant breathe")]
    [InlineData("boath legs numb cnt stand propr back pain")]
    [InlineData("left leg not working, cannot stand on it, back pain")]
    public void A_terse_emergency_with_no_report_cue_is_still_raised(string message)
    {
        // The reader alone catches these (the rules do not); with no "my" or "I have" they meet the higher threshold.
        Assert.Equal(TriageLevel.Emergency, triage.Engine.Triage(message).Level);
    }

    [Fact]
    public void A_message_Stride_cannot_read_as_English_is_not_raised_by_a_reader()
    {
        var always = new WordReader(new Dictionary<string, double> { ["x"] = 0 }, 10, 0.5, No, "always");
        var result = new TriageEngine(triage.Engine.Rules, [always]).Triage("me duele mucho la espalda cuando camino");

        Assert.False(result.Understood);
        Assert.DoesNotContain(result.Reasons, r => r.Rule == WordReader.RuleName);
    }

    [Fact]
    public void The_loader_reads_the_readers_beside_the_rules_and_refuses_a_file_whose_level_disagrees_with_its_name()
    {
        var loaded = StrideLoader.LoadTriage(Path.Combine(TestPaths.KbFolder, "triage-rules.yaml"));
        Assert.Equal([TriageLevel.Emergency, TriageLevel.Urgent], loaded.Value!.Readers.Select(r => r.Level));

        using var temp = new TempFolder();
        File.Copy(Path.Combine(TestPaths.KbFolder, "triage-rules.yaml"), Path.Combine(temp.Path, "triage-rules.yaml"));
        temp.File(WordReader.FileName(TriageLevel.Urgent), "#level\temergency\n#bias\t-1\n#threshold\t0.5\n#explanation\tx\nnumb\t1\n");

        var wrong = StrideLoader.LoadTriage(Path.Combine(temp.Path, "triage-rules.yaml"));

        Assert.Null(wrong.Value);
        Assert.Contains(wrong.Errors, e => e.Contains("triage-reader-urgent.tsv", StringComparison.Ordinal) && e.Contains("#level is emergency", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_readers_are_what_training_on_the_vignette_sets_in_tests_gives()
    {
        // The weights are data, but generated: a hand edit or a stale file after the sets changed would show here.
        var files = Directory.GetFiles(TestPaths.DataFile(string.Empty), "triage-*.tsv").Order(StringComparer.Ordinal).ToList();
        var examples = files.SelectMany(f =>
        {
            using var reader = File.OpenText(f);
            var (vignettes, error) = TriageEvaluation.ReadTsv(reader);
            Assert.Null(error);
            return vignettes.Select(v => new ReaderExample(v.Text, v.Expected, WordReaderTraining.GroupOf(f)));
        }).ToList();
        var probes = examples.Select(e => e.Text).Where((_, i) => i % 7 == 0).ToList();

        foreach (var shipped in triage.Engine.Readers)
        {
            var retrained = WordReaderTraining.Train(examples, shipped.Level, shipped.NegationWords, shipped.Threshold, shipped.Explanation,
                thresholdOverUrgent: shipped.ThresholdOverUrgent, thresholdWithoutReport: shipped.ThresholdWithoutReport);
            var worst = probes.Max(t => Math.Abs(retrained.Read(t).Probability - shipped.Read(t).Probability));
            Assert.True(worst < 0.01, $"{WordReader.FileName(shipped.Level)} differs from a retrained reader by up to {worst:0.000}: run `stride eval reader` with --out (see docs/triage.md)");
        }
    }

    [Fact]
    public async Task Eval_reader_prints_cross_validated_figures_and_writes_a_reader_that_loads()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "triage-reader-emergency.tsv");

        var run = await CliRun.Of(string.Empty, "eval", "reader", TestPaths.DataFile("triage-v3-tuning.tsv"), TestPaths.DataFile("triage-v3-heldout.tsv"),
            TestPaths.DataFile("triage-v4-heldout.tsv"), "--out", output, "--threshold", "0.45", "--explanation", "Please get help now.");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("leave-one-group-out over 2 groups", run.Output, StringComparison.Ordinal);
        Assert.Contains("emergencies raised", run.Output, StringComparison.Ordinal);
        using var reader = File.OpenText(output);
        var (written, errors) = WordReader.Read(reader, output);
        Assert.Empty(errors);
        Assert.Equal(0.45, written!.Threshold);
        Assert.True(written.Read("both my legs went numb and i wet myself").IsEmergencyLike);

        var noWords = await CliRun.Of(string.Empty, "eval", "reader", TestPaths.DataFile("triage-v3-tuning.tsv"), "--out", Path.Combine(temp.Path, "new.tsv"));
        Assert.Equal(2, noWords.ExitCode);
        Assert.Contains("--explanation", noWords.Error, StringComparison.Ordinal);
    }
}
