using System.CommandLine;
using Stride.Hosting;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Cli.Commands;

/// <summary><c>stride kb lint</c>, <c>stride kb import</c> and <c>stride kb vectors</c>: check, convert and embed knowledge bases.</summary>
internal static class KbCommand
{
    public static Command Create(CliContext context)
    {
        var lintPath = new Argument<string[]>("path") { Description = "KB files or folders to check. Default: Stride's own kb/.", Arity = ArgumentArity.ZeroOrMore };
        var lintFormat = CommonOptions.Format();
        var lint = new Command("lint", "List problems in a knowledge base: cut-off or elided answers, unfinished lists, adverts, off-topic, garbled or duplicate entries, run-together words, missing sources or related entries, mismatched answers, hard reading.")
        {
            lintPath, lintFormat,
        };
        lint.SetAction(parse =>
        {
            if (!CommonOptions.TryParseFormat(context, parse.GetValue(lintFormat), out var kbFormat))
            {
                return ExitCodes.BadInput;
            }

            var knowledgeBase = context.Loader.LoadKnowledgeBase(parse.GetValue(lintPath) ?? [], kbFormat);
            if (knowledgeBase is null)
            {
                return ExitCodes.BadInput;
            }

            // A KB folder's own source rules (kb/source-rules.yaml) switch on the source checks; other collections skip them.
            var paths = parse.GetValue(lintPath) ?? [];
            var rulesFile = paths.Length == 0
                ? KbLocator.DefaultSourceRulesFile()
                : paths.Select(p => Path.Combine(p, KbLocator.SourceRulesFileName)).FirstOrDefault(File.Exists);
            KbSourceRules? sourceRules = null;
            if (rulesFile is not null)
            {
                // Read like every other input file (strict UTF-8, size limit, regular files only).
                if (context.Loader.ReadText(rulesFile) is not { } rulesText)
                {
                    return ExitCodes.BadInput;
                }

                var (rules, errors) = KbSourceRules.Read(new StringReader(rulesText), rulesFile);
                foreach (var error in errors)
                {
                    context.Error.WriteLine(TerminalText.Clean(error.ToString()));
                }

                if (rules is null)
                {
                    return ExitCodes.BadInput;
                }

                sourceRules = rules;
            }

            using var analysis = new TextAnalysis();
            var linter = new KbLinter(analysis, sourceRules);
            var report = linter.Lint(knowledgeBase);
            foreach (var line in report.Lines())
            {
                context.Output.WriteLine(TerminalText.Clean(line));
            }

            context.Output.WriteLine(
                $"{report.EntryCount} entries: {report.ErrorCount} error(s), {report.WarningCount} warning(s); mean reading grade {report.MeanGrade:F1} (Flesch-Kincaid; target {KbLinter.MaxGrade:F0} or below)");
            return report.ErrorCount > 0 ? ExitCodes.ProblemsFound : ExitCodes.Ok;
        });

        var importPath = new Argument<string[]>("path") { Description = "Files or folders to convert.", Arity = ArgumentArity.OneOrMore };
        var importOut = new Option<string>("--out") { Description = "The YAML file to write.", Required = true };
        var importFormat = CommonOptions.Format();
        var import = new Command("import", "Convert any supported format to Stride's own YAML KB format.") { importPath, importOut, importFormat };
        import.SetAction(parse =>
        {
            if (!CommonOptions.TryParseFormat(context, parse.GetValue(importFormat), out var kbFormat))
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

        var vectorsOut = new Option<string>("--out") { Description = "The folder to write to (kb/vectors refreshes what Stride ships).", Required = true };
        var vectors = new Command("vectors", "Embed the whole text of each entry of Stride's own KB into a folder, as kb/vectors ships them (answer sentences and alternates are embedded on first use and cached).")
        {
            vectorsOut,
        };
        vectors.SetAction(parse =>
        {
            var knowledgeBase = context.Loader.LoadKnowledgeBase([], null);
            var synonyms = context.Loader.LoadSynonyms(null);
            if (knowledgeBase is null || synonyms is null)
            {
                return ExitCodes.BadInput;
            }

            using var index = context.Loader.BuildIndex(knowledgeBase, synonyms);
            var folder = parse.GetValue(vectorsOut)!;
            var written = context.Loader.EmbedEntries(index, [new VectorCache(folder)], ShippedVectors.PlanFor(index.Count));
            context.Output.WriteLine($"Wrote the vectors of {written.Count} entries to {folder}.");
            return ExitCodes.Ok;
        });

        return new Command("kb", "Check and convert knowledge bases.") { lint, import, vectors };
    }
}
