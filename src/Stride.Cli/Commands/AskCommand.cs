using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Stride.Hosting;
using Stride.Search;

namespace Stride.Cli.Commands;

/// <summary><c>stride ask</c>: answers a question (or a batch) from the knowledge base, after the red-flag check.</summary>
internal static class AskCommand
{
    public static Command Create(CliContext context)
    {
        var question = CommonOptions.Words("question", "Your question, in your own words (quotes optional).");
        var kb = CommonOptions.Kb();
        var index = new Option<string?>("--index") { Description = "Use an index saved by 'stride index' instead of importing." };
        var top = CommonOptions.PositiveInt("--top", "How many answers to show.", 3);
        var json = new Option<bool>("--json") { Description = "Print JSON (one object; JSON Lines with --batch)." };
        var batch = new Option<string?>("--batch") { Description = "Read one question per line from FILE, or from standard input with '-'." };
        var format = CommonOptions.Format();
        var synonyms = CommonOptions.Synonyms();
        var rules = CommonOptions.TriageRules();
        var semantic = CommonOptions.Semantic();
        var cacheDir = CommonOptions.CacheDir();
        var command = new Command("ask", "Answer a question from the knowledge base, after a red-flag check of your words.")
        {
            question, kb, index, top, json, batch, format, synonyms, rules, semantic, cacheDir,
        };
        command.SetAction(parse =>
        {
            var text = CommonOptions.JoinWords(context, "ask", parse.GetValue(question));
            var batchPath = parse.GetValue(batch);
            var topN = parse.GetValue(top);
            if (text is null)
            {
                return ExitCodes.BadInput;
            }

            if (batchPath is not null && text.Length > 0)
            {
                context.Error.WriteLine("stride: give a question or --batch, not both");
                return ExitCodes.BadInput;
            }

            if (batchPath is null && QuestionValidator.Validate(text) is { } problem)
            {
                context.Error.WriteLine($"stride: {problem}");
                return ExitCodes.BadInput;
            }

            if (!CommonOptions.TryParseFormat(context, parse.GetValue(format), out _))
            {
                return ExitCodes.BadInput;
            }

            var questions = batchPath is null ? [text!] : CommonOptions.ReadBatch(context, batchPath);
            if (questions is null)
            {
                return ExitCodes.BadInput;
            }

            var sources = new StrideOptions
            {
                KbPaths = parse.GetValue(kb) ?? [],
                IndexDirectory = parse.GetValue(index),
                Format = parse.GetValue(format),
                SynonymsFile = parse.GetValue(synonyms),
                TriageRulesFile = parse.GetValue(rules),
                CacheDirectory = parse.GetValue(cacheDir),
            };
            if (sources.IndexDirectory is not null && (sources.KbPaths.Count > 0 || sources.SynonymsFile is not null || sources.Format is not null))
            {
                // A saved index carries its own entries and synonym map; mixing in other files would be ignored silently.
                context.Error.WriteLine("stride: --index cannot be combined with --kb, --synonyms or --format (rebuild the index with them instead)");
                return ExitCodes.BadInput;
            }

            using var services = context.Loader.Start(sources, CommonOptions.SemanticValue(parse.GetValue(semantic)));
            if (services is null)
            {
                return ExitCodes.BadInput;
            }

            using var lease = services.GetRequiredService<IndexHolder>().Acquire();
            var engine = lease.Engine;

            var exit = ExitCodes.Ok;
            var asJson = parse.GetValue(json);
            var first = true;
            foreach (var q in questions)
            {
                if (!asJson && !first)
                {
                    context.Output.WriteLine(new string('-', 60));
                }

                first = false;
                if (QuestionValidator.Validate(q) is { } invalid)
                {
                    exit = ExitCodes.BadInput;
                    if (asJson)
                    {
                        context.Output.WriteLine(AnswerJson.Error(q, invalid));
                    }
                    else
                    {
                        context.Error.WriteLine($"stride: {invalid}");
                    }

                    continue;
                }

                var page = engine.Ask(q, topN);
                if (asJson)
                {
                    context.Output.WriteLine(AnswerJson.Serialize(page));
                }
                else
                {
                    if (batchPath is not null)
                    {
                        context.Output.WriteLine($"Q: {TerminalText.Clean(q)}");
                    }

                    HumanAnswerWriter.Write(context.Output, page);
                }
            }

            return exit;
        });
        return command;
    }
}
