using System.CommandLine;
using System.CommandLine.Help;
using Lucene.Net.Store;
using Spectre.Console;
using Stride.Knowledge;
using Stride.Search;
using Stride.Triage;

namespace Stride.Cli;

/// <summary>The <c>stride</c> command line: <c>ask</c>, <c>index</c>, <c>kb lint</c> and <c>kb import</c>.</summary>
internal static class CliApp
{
    /// <summary>Runs the CLI with the given streams; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var progress = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var context = new CliContext(input, output, error, new EngineLoader(error, progress));

        var root = new Command("stride", "Stride answers questions about lower back pain while walking, from a knowledge base you can read and check.")
        {
            new HelpOption(),
            AskCommand(context),
            TriageCommand(context),
            IndexCommand(context),
            KbCommand(context),
            EvalCommand(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"stride: {problem.Message}");
            }

            error.WriteLine("Run 'stride --help' for usage.");
            return Task.FromResult(ExitCodes.BadInput);
        }

        return InvokeAsync(parse, output, error);
    }

    /// <summary>Runs the chosen command; a file that cannot be read or written is bad input (exit 2), not a crash.</summary>
    private static async Task<int> InvokeAsync(ParseResult parse, TextWriter output, TextWriter error)
    {
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false })
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"stride: error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static Option<string[]> KbOption() => new("--kb")
    {
        Description = "A knowledge-base file or folder to answer from (repeatable). Default: Stride's own kb/.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Option<string?> FormatOption() => new("--format")
    {
        Description = "Read KB files as this format instead of guessing: yaml, faq, medquad, jsonl, csv, tsv.",
    };

    private static Option<string?> SynonymsOption() => new("--synonyms")
    {
        Description = "A synonym file (Solr format). Default: kb/synonyms.txt.",
    };

    private static Option<string?> TriageRulesOption() => new("--triage-rules")
    {
        Description = "The red-flag rules file. Default: kb/triage-rules.yaml.",
    };

    private static bool TryParseFormat(CliContext context, string? text, out KbFormat? format)
    {
        format = null;
        if (text is null)
        {
            return true;
        }

        format = KbFormats.Parse(text);
        if (format is null)
        {
            context.Error.WriteLine($"stride: unknown format '{text}' (use yaml, faq, medquad, jsonl, csv or tsv)");
            return false;
        }

        return true;
    }

    private static Command AskCommand(CliContext context)
    {
        var question = new Argument<string?>("question") { Description = "Your question, in your own words.", Arity = ArgumentArity.ZeroOrOne };
        var kb = KbOption();
        var index = new Option<string?>("--index") { Description = "Use an index saved by 'stride index' instead of importing." };
        var top = new Option<int>("--top") { Description = "How many answers to show.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print JSON (one object; JSON Lines with --batch)." };
        var batch = new Option<string?>("--batch") { Description = "Read one question per line from FILE, or from standard input with '-'." };
        var format = FormatOption();
        var synonyms = SynonymsOption();
        var rules = TriageRulesOption();
        var command = new Command("ask", "Answer a question from the knowledge base, after a red-flag check of your words.")
        {
            question, kb, index, top, json, batch, format, synonyms, rules,
        };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(question);
            var batchPath = parse.GetValue(batch);
            var topN = parse.GetValue(top);
            if (topN < 1)
            {
                context.Error.WriteLine("stride: --top must be 1 or more");
                return ExitCodes.BadInput;
            }

            if (batchPath is null && QuestionValidator.Validate(text) is { } problem)
            {
                context.Error.WriteLine($"stride: {problem}");
                return ExitCodes.BadInput;
            }

            if (!TryParseFormat(context, parse.GetValue(format), out var kbFormat))
            {
                return ExitCodes.BadInput;
            }

            var questions = batchPath is null ? [text!] : ReadBatch(context, batchPath);
            if (questions is null)
            {
                return ExitCodes.BadInput;
            }

            var engine = context.Loader.Load(parse.GetValue(kb) ?? [], parse.GetValue(index), kbFormat, parse.GetValue(synonyms), parse.GetValue(rules), new SearchOptions());
            if (engine is null)
            {
                return ExitCodes.BadInput;
            }

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
                        context.Output.WriteLine($"Q: {q}");
                    }

                    HumanAnswerWriter.Write(context.Output, page);
                }
            }

            return exit;
        });
        return command;
    }

    private static Command TriageCommand(CliContext context)
    {
        var text = new Argument<string?>("text") { Description = "What you feel, in your own words.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON (JSON Lines with --batch)." };
        var batch = new Option<string?>("--batch") { Description = "Read one text per line from FILE, or from standard input with '-'." };
        var rules = TriageRulesOption();
        var command = new Command("triage", "Check what you wrote for red flags: how urgently to get care, and why.") { text, json, batch, rules };
        command.SetAction(parse =>
        {
            var batchPath = parse.GetValue(batch);
            var single = parse.GetValue(text);
            if (batchPath is null && TriageEngine.Validate(single) is { } problem)
            {
                context.Error.WriteLine($"stride: {problem}");
                return ExitCodes.BadInput;
            }

            var texts = batchPath is null ? [single!] : ReadBatch(context, batchPath);
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
                    context.Output.WriteLine(AnswerJson.Serialize(result));
                }
                else
                {
                    HumanAnswerWriter.WriteTriage(context.Output, result, always: true);
                    context.Output.WriteLine(HumanAnswerWriter.Disclaimer);
                }
            }

            return exit;
        });
        return command;
    }

    private static Command EvalCommand(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A TSV of text<TAB>level (emergency, urgent, routine, selfcare), header optional." };
        var rules = TriageRulesOption();
        var showErrors = new Option<bool>("--show-errors") { Description = "List every text whose level differs from the expected one." };
        var triage = new Command("triage", "Measure triage against clinicians' levels: emergency sensitivity, exact accuracy, under-triage, confusion matrix.")
        {
            file, rules, showErrors,
        };
        triage.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var text = context.Loader.ReadText(path);
            if (text is null)
            {
                return ExitCodes.BadInput;
            }

            var (vignettes, error) = TriageEvaluation.ReadTsv(new StringReader(text));
            if (error is not null)
            {
                context.Error.WriteLine($"{path}:{error}");
                return ExitCodes.BadInput;
            }

            var engine = context.Loader.LoadTriage(parse.GetValue(rules));
            if (engine is null)
            {
                return ExitCodes.BadInput;
            }

            var evaluation = TriageEvaluation.Run(engine, vignettes);
            context.Output.Write(evaluation.Report());
            if (parse.GetValue(showErrors))
            {
                context.Output.WriteLine();
                foreach (var (v, r) in evaluation.Outcomes.Where(o => o.Result.Level != o.Vignette.Expected))
                {
                    context.Output.WriteLine($"{path}:{v.Line}: expected {v.Expected.Name()}, got {r.Level.Name()}: {v.Text}");
                }
            }

            return ExitCodes.Ok;
        });
        return new Command("eval", "Measure Stride's quality on labelled data.") { triage, LiveQaCommand.Create(context) };
    }

    internal static List<string>? ReadBatch(CliContext context, string path)
    {
        var text = path == "-" ? context.Input.ReadToEnd() : context.Loader.ReadText(path);
        if (text is null)
        {
            return null;
        }

        return [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)];
    }

    private static Command IndexCommand(CliContext context)
    {
        var kb = KbOption();
        var output = new Option<string>("--out") { Description = "Folder to write the index to (replaced if it exists).", Required = true };
        var format = FormatOption();
        var synonyms = SynonymsOption();
        var command = new Command("index", "Build a persistent search index for 'stride ask --index'.") { kb, output, format, synonyms };
        command.SetAction(parse =>
        {
            if (!TryParseFormat(context, parse.GetValue(format), out var kbFormat))
            {
                return ExitCodes.BadInput;
            }

            var synonymsText = context.Loader.LoadSynonyms(parse.GetValue(synonyms));
            var knowledgeBase = synonymsText is null ? null : context.Loader.LoadKnowledgeBase(parse.GetValue(kb) ?? [], kbFormat);
            if (knowledgeBase is null)
            {
                return ExitCodes.BadInput;
            }

            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any() && !SearchIndex.IsStrideIndex(target))
            {
                // Never delete a folder that holds something else (the KB itself, a home folder, ...).
                context.Error.WriteLine($"{target}: error: the folder is not empty and holds no Stride index; choose a new or empty folder");
                return ExitCodes.BadInput;
            }

            if (File.Exists(target))
            {
                context.Error.WriteLine($"{target}: error: a file is in the way; --out must be a folder");
                return ExitCodes.BadInput;
            }

            // Build beside the target and swap at the end, so a failed build never leaves a half-written index in use.
            var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".building";
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }

            using (var index = context.Loader.BuildIndex(knowledgeBase, synonymsText!, FSDirectory.Open(staging)))
            {
                context.Output.WriteLine($"Indexed {index.Count} entries of '{knowledgeBase.Name}' (version {knowledgeBase.Version}, hash {knowledgeBase.ContentHash[..12]}).");
            }

            if (System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Delete(target, recursive: true);
            }

            System.IO.Directory.Move(staging, target);
            context.Output.WriteLine($"Saved to {target}. Use it with: stride ask --index {parse.GetValue(output)} \"your question\"");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command KbCommand(CliContext context)
    {
        var lintPath = new Argument<string[]>("path") { Description = "KB files or folders to check. Default: Stride's own kb/.", Arity = ArgumentArity.ZeroOrMore };
        var lintFormat = FormatOption();
        var lint = new Command("lint", "List problems in a knowledge base: cut-off, promotional, off-topic or duplicate entries, missing sources, mismatched answers, hard reading.")
        {
            lintPath, lintFormat,
        };
        lint.SetAction(parse =>
        {
            if (!TryParseFormat(context, parse.GetValue(lintFormat), out var kbFormat))
            {
                return ExitCodes.BadInput;
            }

            var knowledgeBase = context.Loader.LoadKnowledgeBase(parse.GetValue(lintPath) ?? [], kbFormat);
            if (knowledgeBase is null)
            {
                return ExitCodes.BadInput;
            }

            using var linter = new KbLinter();
            var report = linter.Lint(knowledgeBase);
            foreach (var finding in report.Findings)
            {
                context.Output.WriteLine(finding);
            }

            context.Output.WriteLine(
                $"{report.EntryCount} entries: {report.ErrorCount} error(s), {report.WarningCount} warning(s); mean reading grade {report.MeanGrade:F1} (Flesch-Kincaid; target {KbLinter.MaxGrade:F0} or below)");
            return report.ErrorCount > 0 ? ExitCodes.ProblemsFound : ExitCodes.Ok;
        });

        var importPath = new Argument<string[]>("path") { Description = "Files or folders to convert.", Arity = ArgumentArity.OneOrMore };
        var importOut = new Option<string>("--out") { Description = "The YAML file to write.", Required = true };
        var importFormat = FormatOption();
        var import = new Command("import", "Convert any supported format to Stride's own YAML KB format.") { importPath, importOut, importFormat };
        import.SetAction(parse =>
        {
            if (!TryParseFormat(context, parse.GetValue(importFormat), out var kbFormat))
            {
                return ExitCodes.BadInput;
            }

            var knowledgeBase = context.Loader.LoadKnowledgeBase(parse.GetValue(importPath)!, kbFormat);
            if (knowledgeBase is null)
            {
                return ExitCodes.BadInput;
            }

            var target = parse.GetValue(importOut)!;
            var temporary = target + ".tmp";
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
            {
                YamlKbWriter.Write(writer, knowledgeBase.Name, knowledgeBase.Version, knowledgeBase.Entries);
            }

            File.Move(temporary, target, overwrite: true);
            context.Output.WriteLine($"Wrote {knowledgeBase.Entries.Length} entries to {target}.");
            return ExitCodes.Ok;
        });

        return new Command("kb", "Check and convert knowledge bases.") { lint, import };
    }
}
