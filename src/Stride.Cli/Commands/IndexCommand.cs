using System.CommandLine;
using Lucene.Net.Store;
using Stride.Hosting;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Cli.Commands;

/// <summary><c>stride index</c>: builds a persistent search index, swapped in only when complete.</summary>
internal static class IndexCommand
{
    public static Command Create(CliContext context)
    {
        var kb = CommonOptions.Kb();
        var output = new Option<string>("--out") { Description = "Folder to write the index to (replaced if it exists).", Required = true };
        var format = CommonOptions.Format();
        var synonyms = CommonOptions.Synonyms();
        var semantic = CommonOptions.Semantic();
        semantic.Description = "on embeds every entry (semantic search) and saves the vectors with the index; off does not. Default: on for up to 5,000 entries, off for larger collections (MedQuAD).";
        var command = new Command("index", "Build a persistent search index for 'stride ask --index'.") { kb, output, format, synonyms, semantic };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryParseFormat(context, parse.GetValue(format), out var kbFormat))
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
            if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any() && !IndexManifest.IsPresent(target) && !SearchIndex.IsStrideIndex(target))
            {
                // Never replace a folder that holds something else (the KB itself, a home folder, ...).
                context.Error.WriteLine($"{target}: error: the folder is not empty and holds no Stride index; choose a new or empty folder");
                return ExitCodes.BadInput;
            }

            if (File.Exists(target))
            {
                context.Error.WriteLine($"{target}: error: a file is in the way; --out must be a folder");
                return ExitCodes.BadInput;
            }

            // Build in a folder of our own beside the target (a unique name, so nothing anyone else made is touched),
            // then swap by renames: a failed build never leaves a half-written index in use.
            var stamp = Guid.NewGuid().ToString("N")[..12];
            var staging = $"{target.TrimEnd(Path.DirectorySeparatorChar)}.stride-building-{stamp}";
            using (var index = context.Loader.BuildIndex(knowledgeBase, synonymsText!, FSDirectory.Open(staging)))
            {
                context.Output.WriteLine($"Indexed {index.Count} entries of '{knowledgeBase.Name}' (version {knowledgeBase.Version}, hash {knowledgeBase.ContentHash[..12]}).");
                if (new SearchOptions { Semantic = CommonOptions.SemanticValue(parse.GetValue(semantic)) }.SemanticFor(index.Count))
                {
                    // The index being replaced (if any) lends the vectors of unchanged entries, so only changes are embedded.
                    var vectors = context.Loader.EmbedEntries(index, [new VectorCache(StrideLoader.IndexVectorsFolder(staging)), new VectorCache(StrideLoader.IndexVectorsFolder(target))]);
                    context.Output.WriteLine($"Embedded {vectors.Embedded} of {vectors.Count} entries with {vectors.ModelId} (the rest were unchanged).");
                }
            }

            IndexManifest.Write(staging, knowledgeBase.Entries.Length, knowledgeBase.ContentHash);
            if (System.IO.Directory.Exists(target))
            {
                // The old index moves aside first and is deleted only once the new one is in place.
                var old = $"{target.TrimEnd(Path.DirectorySeparatorChar)}.stride-old-{stamp}";
                System.IO.Directory.Move(target, old);
                System.IO.Directory.Move(staging, target);
                System.IO.Directory.Delete(old, recursive: true);
            }
            else
            {
                System.IO.Directory.Move(staging, target);
            }

            context.Output.WriteLine($"Saved to {target}. Use it with: stride ask --index {parse.GetValue(output)} \"your question\"");
            return ExitCodes.Ok;
        });
        return command;
    }
}
