using System.CommandLine;
using Stride.Hosting;
using Stride.Triage;

namespace Stride.Cli.Commands;

/// <summary><c>stride triage</c>: the red-flag check alone.</summary>
internal static class TriageCommand
{
    public static Command Create(CliContext context)
    {
        var text = CommonOptions.Words("text", "What you feel, in your own words (quotes optional).");
        var json = new Option<bool>("--json") { Description = "Print JSON (JSON Lines with --batch)." };
        var batch = new Option<string?>("--batch") { Description = "Read one text per line from FILE, or from standard input with '-'." };
        var rules = CommonOptions.TriageRules();
        var command = new Command("triage", "Check what you wrote for red flags: how urgently to get care, and why.") { text, json, batch, rules };
        command.SetAction(parse =>
        {
            var batchPath = parse.GetValue(batch);
            var single = CommonOptions.JoinWords(context, "triage", parse.GetValue(text));
            if (single is null)
            {
                return ExitCodes.BadInput;
            }

            if (batchPath is not null && single.Length > 0)
            {
                context.Error.WriteLine("stride: give a text or --batch, not both");
                return ExitCodes.BadInput;
            }

            if (batchPath is null && TriageEngine.Validate(single) is { } problem)
            {
                context.Error.WriteLine($"stride: {problem}");
                return ExitCodes.BadInput;
            }

            var texts = batchPath is null ? [single!] : CommonOptions.ReadBatch(context, batchPath);
            var engine = texts is null ? null : context.Loader.LoadTriage(parse.GetValue(rules));
            if (engine is null)
            {
                return ExitCodes.BadInput;
            }

            var exit = ExitCodes.Ok;
            foreach (var t in texts!)
            {
                if (TriageEngine.Validate(t) is { } invalid)
                {
                    exit = ExitCodes.BadInput;
                    if (parse.GetValue(json))
                    {
                        context.Output.WriteLine(AnswerJson.Error(t, invalid));
                    }
                    else
                    {
                        context.Error.WriteLine($"stride: {invalid}");
                    }

                    continue;
                }

                var result = engine.Triage(t);
                if (parse.GetValue(json))
                {
                    context.Output.WriteLine(AnswerJson.Serialize(result, t));
                }
                else
                {
                    HumanAnswerWriter.WriteTriage(context.Output, result, always: true);
                    context.Output.WriteLine(SafetyText.Disclaimer);
                }
            }

            return exit;
        });
        return command;
    }
}
