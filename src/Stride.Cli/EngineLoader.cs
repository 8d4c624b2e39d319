using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Stride.Hosting;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;
using Stride.Triage;

namespace Stride.Cli;

/// <summary>
/// The CLI's face on <see cref="StrideLoader"/>: the same loading as every host, with progress bars on standard
/// error and problems printed as <c>file:line</c>. Returns null (after printing) when anything is wrong.
/// </summary>
internal sealed class EngineLoader(TextWriter error, IAnsiConsole progressConsole)
{
    /// <summary>The console progress bars are drawn on (standard error).</summary>
    public IAnsiConsole ProgressConsole => progressConsole;

    /// <summary>Imports KB files (Stride's own KB when none are given), showing a progress bar.</summary>
    public KnowledgeBase? LoadKnowledgeBase(IReadOnlyList<string> paths, KbFormat? format) =>
        Report(WithProgress("Importing knowledge base", progress => StrideLoader.LoadKnowledgeBase(paths, format, progress)));

    /// <summary>Reads a whole text file as strict UTF-8.</summary>
    public string? ReadText(string file) => Report(StrideLoader.ReadText(file));

    /// <summary>Reads a vignette file (<c>text&lt;TAB&gt;level[&lt;TAB&gt;concept]</c>); null after printing <c>file:line</c> on a problem.</summary>
    public IReadOnlyList<TriageVignette>? ReadVignettes(string file)
    {
        if (ReadText(file) is not { } text)
        {
            return null;
        }

        var (vignettes, problem) = TriageEvaluation.ReadTsv(new StringReader(text));
        if (problem is not null)
        {
            error.WriteLine($"{file}:{problem}");
            return null;
        }

        if (vignettes.Count == 0)
        {
            // An empty set would print 100 % sensitivity from nothing: refuse it instead.
            error.WriteLine($"{file}: no vignettes (expected lines of text<TAB>level[<TAB>concept])");
            return null;
        }

        return vignettes;
    }

    /// <summary>Reads the synonym map: the given file, else the default KB's <c>synonyms.txt</c>, else none.</summary>
    public string? LoadSynonyms(string? file) => Report(StrideLoader.LoadSynonyms(file));

    /// <summary>Reads the red-flag rules: the given file, else the default KB's <c>triage-rules.yaml</c>.</summary>
    public TriageEngine? LoadTriage(string? file) => Report(StrideLoader.LoadTriage(file));

    /// <summary>Builds an index over <paramref name="kb"/>, showing progress.</summary>
    public SearchIndex BuildIndex(KnowledgeBase kb, string synonyms, Lucene.Net.Store.Directory? directory = null) =>
        WithProgress($"Indexing {kb.Entries.Length} entries", progress => StrideLoader.BuildIndex(kb, synonyms, directory, progress));

    /// <summary>
    /// The vectors of every entry of <paramref name="index"/> by the default model, showing progress: read from the
    /// first of <paramref name="caches"/> that has them, else embedded (reusing the rows of unchanged texts any of them
    /// holds) and saved to the first.
    /// </summary>
    public EntryVectors EmbedEntries(SearchIndex index, IReadOnlyList<VectorCache> caches, EntryTextPlan? plan = null) =>
        WithProgress($"Embedding {index.Count} entries", progress => EntryVectors.Build(index, MiniLmEmbeddingGenerator.Shared, caches, progress, plan));

    /// <summary>
    /// Starts Stride through the same registration as every host (<see cref="StrideServiceCollectionExtensions.AddStride"/>),
    /// with <paramref name="options"/> as its configuration, and loads the knowledge they name. Returns the services
    /// (dispose them when done), or null after printing why loading failed.
    /// </summary>
    public ServiceProvider? Start(StrideOptions options, bool? semantic = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"{StrideOptions.SectionName}:{nameof(StrideOptions.IndexDirectory)}"] = options.IndexDirectory,
            [$"{StrideOptions.SectionName}:{nameof(StrideOptions.Format)}"] = options.Format,
            [$"{StrideOptions.SectionName}:{nameof(StrideOptions.SynonymsFile)}"] = options.SynonymsFile,
            [$"{StrideOptions.SectionName}:{nameof(StrideOptions.TriageRulesFile)}"] = options.TriageRulesFile,
            [$"{StrideOptions.SectionName}:{nameof(StrideOptions.CacheDirectory)}"] = options.CacheDirectory,
            // One process, its own questions at once, no autocomplete: a warm-up would only be paid twice.
            [$"{StrideOptions.SectionName}:{nameof(StrideOptions.WarmUp)}"] = "false",
        };
        if (semantic is { } on)
        {
            settings[$"{StrideOptions.SectionName}:Search:{nameof(SearchOptions.Semantic)}"] = on ? "true" : "false";
        }

        for (var i = 0; i < options.KbPaths.Count; i++)
        {
            settings[$"{StrideOptions.SectionName}:{nameof(StrideOptions.KbPaths)}:{i}"] = options.KbPaths[i];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddStride(configuration).BuildServiceProvider();
        try
        {
            var refresher = services.GetRequiredService<EngineRefresher>();
            var errors = WithProgress("Loading knowledge base", progress => refresher.RefreshAsync(progress, progress).GetAwaiter().GetResult());
            if (errors.Count == 0)
            {
                return services;
            }

            foreach (var line in errors)
            {
                error.WriteLine(line);
            }
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"stride: {ex.Message}");
        }

        services.Dispose();
        return null;
    }

    private T? Report<T>(Loaded<T> loaded)
        where T : class
    {
        foreach (var line in loaded.Errors)
        {
            error.WriteLine(line);
        }

        return loaded.Value;
    }

    /// <summary>Runs <paramref name="work"/> under one progress bar on standard error, fed by the work's own progress reports.</summary>
    /// <summary>
    /// Runs <paramref name="work"/>, drawing a progress bar on standard error only when that is a terminal and the work
    /// takes over <see cref="ProgressDelay"/>: a bar that flashes for a moment, or a "0%" line in a log, helps nobody.
    /// </summary>
    private T WithProgress<T>(string description, Func<IProgress<(int Done, int Total)>, T> work)
    {
        if (!progressConsole.Profile.Capabilities.Interactive)
        {
            return work(new Progress<(int Done, int Total)>());
        }

        // The work runs beside the bar; its reports land in a field the bar reads, so no report waits on drawing.
        (int Done, int Total) latest = (0, 1);
        var running = Task.Run(() => work(new SynchronousProgress(p => latest = p)));
        if (running.Wait(ProgressDelay))
        {
            return running.GetAwaiter().GetResult();
        }

        progressConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description);
                while (!running.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    var (done, total) = latest;
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    ctx.Refresh();
                }

                task.Value = task.MaxValue;
            });
        return running.GetAwaiter().GetResult();
    }

    /// <summary>How long work runs before a progress bar is worth drawing.</summary>
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

    /// <summary>Reports on the worker's own thread (<see cref="Progress{T}"/> would post to the thread pool and arrive late).</summary>
    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
