using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Stride.Knowledge;
using Stride.Search;
using Stride.Triage;

namespace Stride.Cli;

/// <summary>Loads a knowledge base (files or a saved index) and builds the answer engine, reporting problems as <c>file:line</c>.</summary>
internal sealed class EngineLoader(TextWriter error, IAnsiConsole progressConsole)
{
    /// <summary>The console progress bars are drawn on (standard error).</summary>
    public IAnsiConsole ProgressConsole => progressConsole;

    /// <summary>Imports KB files, showing a progress bar; null (after printing the errors) when anything is wrong.</summary>
    public KnowledgeBase? LoadKnowledgeBase(IReadOnlyList<string> paths, KbFormat? format)
    {
        if (paths.Count == 0)
        {
            var folder = KbLocator.DefaultKbFolder();
            if (folder is null)
            {
                error.WriteLine($"stride: Stride's own knowledge base (a kb/ folder with {KbFileLoader.ManifestFileName}) was not found; pass --kb PATH or set {KbLocator.EnvironmentVariable}");
                return null;
            }

            paths = [folder];
        }

        var load = WithProgress("Importing knowledge base", progress => KbFileLoader.Load(paths, format, progress));

        foreach (var diagnostic in load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(50))
        {
            error.WriteLine(diagnostic);
        }

        if (load.KnowledgeBase is null)
        {
            var count = load.Errors.Count();
            error.WriteLine($"stride: {count} error(s); nothing was loaded");
            return null;
        }

        return load.KnowledgeBase;
    }

    /// <summary>Reads a whole text file as strict UTF-8; on failure prints <c>file:line: error</c> and returns null.</summary>
    public string? ReadText(string file)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"{file}: error: no such file");
            return null;
        }

        var text = KbFileLoader.DecodeUtf8(File.ReadAllBytes(file), file, out var problem);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return null;
        }

        return text;
    }

    /// <summary>Reads the synonym map: the given file, else the default KB's <c>synonyms.txt</c>, else none.</summary>
    public string? LoadSynonyms(string? file)
    {
        file ??= KbLocator.DefaultSynonymsFile();
        if (file is null)
        {
            return string.Empty;
        }

        var text = ReadText(file);
        if (text is null)
        {
            return null;
        }

        try
        {
            using var check = new TextAnalysis(text, file);
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine(ex.Message);
            return null;
        }

        return text;
    }

    /// <summary>Builds an in-memory index over <paramref name="kb"/>, showing progress.</summary>
    public SearchIndex BuildIndex(KnowledgeBase kb, string synonyms, Lucene.Net.Store.Directory? directory = null) =>
        WithProgress($"Indexing {kb.Entries.Length} entries", progress => SearchIndex.Build(kb, synonyms, directory, progress));

    /// <summary>Runs <paramref name="work"/> under one progress bar on standard error, fed by the work's own progress reports.</summary>
    private T WithProgress<T>(string description, Func<IProgress<(int Done, int Total)>, T> work)
    {
        T result = default!;
        progressConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(description);
                result = work(new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reads the red-flag rules: the given file, else the default KB's <c>triage-rules.yaml</c>.</summary>
    public TriageEngine? LoadTriage(string? file)
    {
        file ??= KbLocator.DefaultTriageRulesFile();
        if (file is null)
        {
            error.WriteLine($"stride: the red-flag rules (kb/{KbLocator.TriageRulesFileName}) were not found; pass --triage-rules FILE");
            return null;
        }

        var text = ReadText(file);
        if (text is null)
        {
            return null;
        }

        var (rules, errors) = TriageRuleSet.Read(new StringReader(text), file);
        foreach (var e in errors)
        {
            error.WriteLine(e);
        }

        return rules is null ? null : new TriageEngine(rules);
    }

    /// <summary>Loads the engine from KB paths, or from a saved index folder when <paramref name="indexDir"/> is given.</summary>
    public AnswerEngine? Load(IReadOnlyList<string> kbPaths, string? indexDir, KbFormat? format, string? synonymsFile, string? triageRulesFile, SearchOptions options)
    {
        var triage = LoadTriage(triageRulesFile);
        if (triage is null)
        {
            return null;
        }

        SearchIndex index;
        if (indexDir is not null)
        {
            if (!System.IO.Directory.Exists(indexDir))
            {
                error.WriteLine($"{indexDir}: error: no such index folder (build one with 'stride index --out {indexDir}')");
                return null;
            }

            if (kbPaths.Count > 0 || synonymsFile is not null || format is not null)
            {
                // A saved index carries its own entries and synonym map; mixing in other files would be ignored silently.
                error.WriteLine("stride: --index cannot be combined with --kb, --synonyms or --format (rebuild the index with them instead)");
                return null;
            }

            var directory = FSDirectory.Open(indexDir);
            try
            {
                index = SearchIndex.Open(directory);
            }
            catch (InvalidDataException ex)
            {
                directory.Dispose();
                error.WriteLine($"{indexDir}: error: {ex.Message}");
                return null;
            }
        }
        else
        {
            var synonyms = LoadSynonyms(synonymsFile);
            var kb = synonyms is null ? null : LoadKnowledgeBase(kbPaths, format);
            if (kb is null)
            {
                return null;
            }

            index = BuildIndex(kb, synonyms!);
        }

        var wrapped = Options.Create(options);
        return new AnswerEngine(new Searcher(index, wrapped), triage, wrapped);
    }
}
