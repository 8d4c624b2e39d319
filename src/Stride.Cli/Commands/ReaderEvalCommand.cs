using System.CommandLine;
using System.Globalization;
using Stride.Evaluation;
using Stride.Triage;

namespace Stride.Cli.Commands;

/// <summary>
/// <c>stride eval reader FILE...</c>: cross-validates the triage second reader by groups of authors and, with
/// <c>--out</c>, trains it on every file and writes its weights (<c>kb/triage-reader.tsv</c>).
/// </summary>
internal static class ReaderEvalCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Vignette TSVs (text<TAB>level[<TAB>concept]). Files whose names differ only by -tuning, -heldout, -test, -fresh or -blind are one group of authors.",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = CommonOptions.TriageRules();
        var output = new Option<string?>("--out") { Description = "Train on every file and write the reader here (kb/triage-reader-emergency.tsv or kb/triage-reader-urgent.tsv)." };
        var levelOption = new Option<string>("--level")
        {
            Description = "The level the reader raises messages to: emergency (default) or urgent.",
            DefaultValueFactory = _ => "emergency",
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = "The chance from which the written reader raises a message to emergency (0 to 1). Default 0.5.",
            DefaultValueFactory = _ => 0.5,
        };
        var overUrgent = new Option<double?>("--threshold-over-urgent")
        {
            Description = "The chance needed to raise a message the rules already placed at urgent (emergency reader). Default: --threshold.",
        };
        var withoutReport = new Option<double?>("--threshold-without-report")
        {
            Description = "The chance needed to raise a message with no report cue (\"my\", \"I have\", \"since\": the rules' report list), such as a plain question. Default: --threshold.",
        };
        var explanation = new Option<string?>("--explanation")
        {
            Description = "What a person is told when the reader raised the result. Default: the one in the file at --out.",
        };
        var command = new Command("reader", "Cross-validate the triage second reader by groups of authors; with --out, train it on all files and write it.")
        {
            files, rules, output, levelOption, threshold, overUrgent, withoutReport, explanation,
        };
        command.SetAction(parse =>
        {
            if (TriageLevels.Parse(parse.GetValue(levelOption)) is not { } level || level < TriageLevel.Urgent)
            {
                context.Error.WriteLine("stride: --level must be emergency or urgent");
                return ExitCodes.BadInput;
            }

            var engine = context.Loader.LoadTriage(parse.GetValue(rules));
            if (engine is null)
            {
                return ExitCodes.BadInput;
            }

            var examples = new List<ReaderExample>();
            foreach (var path in parse.GetValue(files)!)
            {
                if (context.Loader.ReadVignettes(path) is not { } vignettes)
                {
                    return ExitCodes.BadInput;
                }

                var group = WordReaderTraining.GroupOf(path);
                examples.AddRange(vignettes.Select(v => new ReaderExample(v.Text, v.Expected, group)));
            }

            var negation = engine.Rules.NegationWords.ToHashSet(StringComparer.Ordinal);
            var heldOut = WordReaderTraining.CrossValidate(examples, level, negation);
            context.Output.Write(WordReaderTraining.Report(heldOut, level, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]));

            if (parse.GetValue(output) is not { } outPath)
            {
                return ExitCodes.Ok;
            }

            var wanted = parse.GetValue(threshold);
            var wantedOverUrgent = parse.GetValue(overUrgent);
            var wantedWithoutReport = parse.GetValue(withoutReport);
            if (wanted is <= 0 or >= 1 || wantedOverUrgent is <= 0 or >= 1 || wantedWithoutReport is <= 0 or >= 1)
            {
                context.Error.WriteLine("stride: --threshold, --threshold-over-urgent and --threshold-without-report must be between 0 and 1");
                return ExitCodes.BadInput;
            }

            var words = parse.GetValue(explanation) ?? ExistingExplanation(outPath);
            if (string.IsNullOrWhiteSpace(words))
            {
                context.Error.WriteLine($"stride: give --explanation (what a person is told when the reader raised the result); {outPath} has none to keep");
                return ExitCodes.BadInput;
            }

            var reader = WordReaderTraining.Train(examples, level, negation, wanted, words, thresholdOverUrgent: wantedOverUrgent,
                thresholdWithoutReport: wantedWithoutReport);
            var groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var temporary = outPath + ".tmp";
            using (var writer = new StreamWriter(temporary))
            {
                reader.Write(writer,
                [
                    "Stride's triage second reader: logistic regression over words and word pairs (see src/Stride/Triage/WordReader.cs).",
                    "Generated by: stride eval reader --out " + Path.GetFileName(outPath) + " FILES... ; do not edit by hand, retrain.",
                    $"Raises a message to {level.Name()} when the rules found nothing as urgent. Trained on {examples.Count} labelled vignettes ({examples.Count(e => e.Expected >= level)} at {level.Name()} or above) from: {string.Join(", ", groups)}.",
                    "Reference standard of the labels: NHS back pain, sciatica and cauda equina pages, NICE NG59 and NICE CKS red flags (docs/triage.md).",
                    "Threshold chosen by leave-one-group-out cross-validation (docs/triage.md, 'The second reader').",
                ]);
            }

            File.Move(temporary, outPath, overwrite: true);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath}: {reader.Weights.Count} features, threshold {wanted:0.###}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? ExistingExplanation(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = File.OpenText(path);
        return WordReader.Read(reader, path).Reader?.Explanation;
    }
}
