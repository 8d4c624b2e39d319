using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Stride.Evaluation;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Cli.Commands;

/// <summary>
/// <c>stride eval semantic FILE</c>: plain BM25, Stride with semantic search off and with it on, on a judged query set
/// (<c>query&lt;TAB&gt;key|key</c>, keys being entry ids or stored questions; no key = the KB cannot answer it).
/// </summary>
internal static class SemanticEvalCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A TSV of query<TAB>relevant ids or questions (|-separated), with a header; an empty second column marks an unanswerable query." };
        var kb = CommonOptions.Kb();
        var cacheDir = CommonOptions.CacheDir();
        var set = new Option<string[]>("--set")
        {
            Description = "Override a search setting for the semantic-on run, as Name=Value (repeatable), e.g. SemanticFusionWeight=2.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var details = new Option<string?>("--details") { Description = "Also write, for every query, the hybrid's first three answers and the rank of the first right one (TSV), to study the misses." };
        var command = new Command("semantic", "Compare plain BM25, Stride (semantic off) and the hybrid (semantic on) on a judged query set.") { file, kb, cacheDir, set, details };
        command.SetAction(parse =>
        {
            var text = context.Loader.ReadText(parse.GetValue(file)!);
            var synonyms = context.Loader.LoadSynonyms(null);
            var knowledgeBase = text is null || synonyms is null ? null : context.Loader.LoadKnowledgeBase(parse.GetValue(kb) ?? [], null);
            if (knowledgeBase is null)
            {
                return ExitCodes.BadInput;
            }

            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(set) ?? [])
            {
                var parts = pair.Split('=', 2);
                if (parts.Length != 2)
                {
                    context.Error.WriteLine($"stride: --set wants Name=Value (got '{pair}')");
                    return ExitCodes.BadInput;
                }

                overrides[parts[0]] = parts[1];
            }

            var on = new SearchOptions();
            new ConfigurationBuilder().AddInMemoryCollection(overrides).Build().Bind(on);
            on.Semantic = true;
            var off = new SearchOptions { Semantic = false };
            var queries = JudgedQuerySet.ReadTsv(new StringReader(text!));
            using var index = context.Loader.BuildIndex(knowledgeBase, synonyms!);
            var cache = new VectorCache(parse.GetValue(cacheDir) ?? VectorCache.DefaultFolder());
            var vectors = context.Loader.EmbedEntries(index, [cache], on.TextPlanFor(index.Count));
            var rows = SemanticComparison.Run(queries, index, vectors, off, on);
            var unanswerable = queries.Queries.Count(q => q.Relevant.Count == 0);
            context.Output.Write(SemanticComparison.Table(rows, queries.Queries.Count - unanswerable, unanswerable));
            if (parse.GetValue(details) is { } detailsFile)
            {
                using var writer = new StreamWriter(detailsFile);
                SemanticComparison.WriteDetails(writer, queries, new Searcher(index, Microsoft.Extensions.Options.Options.Create(on), vectors));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
