using System.CommandLine;
using Microsoft.Extensions.Options;
using Stride.Evaluation;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Cli.Commands;

/// <summary>
/// <c>stride eval confidence SET...</c>: fits the confidence model (words only, or with the embedding similarity when
/// <c>--semantic on</c>) on the top hits of judged query sets, each over its own collection, and prints the settings.
/// </summary>
internal static class ConfidenceEvalCommand
{
    public static Command Create(CliContext context)
    {
        var sets = new Argument<string[]>("sets")
        {
            Description = "Judged sets: FILE (over Stride's own KB) or FILE=KB (over an importable file or folder; several joined by commas). A TSV is query<TAB>keys with a header; a .txt file lists questions the collection cannot answer, one per line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var semantic = CommonOptions.Semantic();
        var cacheDir = CommonOptions.CacheDir();
        var command = new Command("confidence", "Fit the confidence model on judged query sets and print its settings.") { sets, semantic, cacheDir };
        command.SetAction(parse =>
        {
            var semanticOn = CommonOptions.SemanticValue(parse.GetValue(semantic)) == true;
            var synonyms = context.Loader.LoadSynonyms(null);
            if (synonyms is null)
            {
                return ExitCodes.BadInput;
            }

            var options = new SearchOptions { Semantic = semanticOn };
            var examples = new List<ConfidenceExample>();
            var perSet = new List<(string Name, IReadOnlyList<ConfidenceExample> Examples)>();
            foreach (var group in (parse.GetValue(sets) ?? []).Select(Parse).GroupBy(s => s.Kb))
            {
                var kb = context.Loader.LoadKnowledgeBase(group.Key is null ? [] : group.Key.Split(','), null);
                if (kb is null)
                {
                    return ExitCodes.BadInput;
                }

                using var index = context.Loader.BuildIndex(kb, synonyms);
                var vectors = semanticOn ? context.Loader.EmbedEntries(index, [new VectorCache(parse.GetValue(cacheDir) ?? VectorCache.DefaultFolder())], options.TextPlanFor(index.Count)) : null;
                var searcher = new Searcher(index, Options.Create(options), vectors);
                foreach (var (file, _) in group)
                {
                    if (context.Loader.ReadText(file) is not { } text)
                    {
                        return ExitCodes.BadInput;
                    }

                    var set = file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                        ? new JudgedQuerySet([.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new JudgedQuery(l, new HashSet<string>()))])
                        : JudgedQuerySet.ReadTsv(new StringReader(text));
                    var found = ConfidenceFit.Collect(set, kb, searcher.Search);
                    perSet.Add((file, found));
                    examples.AddRange(found);
                }
            }

            ConfidenceCoefficients fitted;
            try
            {
                fitted = ConfidenceFit.Fit(examples, semanticOn);
            }
            catch (ArgumentException ex)
            {
                context.Error.WriteLine($"stride: {ex.Message}");
                return ExitCodes.BadInput;
            }

            var current = ConfidenceCoefficients.Of(options, semanticOn);
            context.Output.WriteLine($"Fitted on {examples.Count} hits ({examples.Count(e => e.Answers)} answer) of {perSet.Count} sets:");
            context.Output.WriteLine(fitted.Describe(semanticOn));
            context.Output.WriteLine();
            context.Output.WriteLine("| set | hits | answer | log loss, current settings | log loss, fitted |");
            context.Output.WriteLine("|---|---|---|---|---|");
            foreach (var (name, found) in perSet)
            {
                context.Output.WriteLine(FormattableString.Invariant(
                    $"| {Path.GetFileName(name)} | {found.Count} | {found.Count(e => e.Answers)} | {ConfidenceFit.LogLoss(current, found):F3} | {ConfidenceFit.LogLoss(fitted, found):F3} |"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (string File, string? Kb) Parse(string set)
    {
        var split = set.IndexOf('=', StringComparison.Ordinal);
        return split < 0 ? (set, null) : (set[..split], set[(split + 1)..]);
    }
}
