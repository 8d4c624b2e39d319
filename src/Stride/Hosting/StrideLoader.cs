using Lucene.Net.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;
using Stride.Triage;

namespace Stride.Hosting;

/// <summary>
/// Loads what an engine is made of (knowledge base or saved index, synonym map, red-flag rules) and builds
/// <see cref="EngineSnapshot"/>s. Problems come back as <c>file:line: error</c> lines, never half-loaded state; hosts
/// decide how to show them (the CLI prints them, the web host logs them and reports them on <c>/readyz</c>).
/// </summary>
public sealed partial class StrideLoader
{
    /// <summary>At most this many import errors are listed; the count of the rest is given.</summary>
    private const int MaxListedErrors = 50;

    private readonly IOptions<SearchOptions> _searchOptions;
    private readonly ILogger<StrideLoader> _logger;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;

    /// <summary>
    /// Creates a loader; engines it builds use <paramref name="searchOptions"/>, and, when
    /// <see cref="SearchOptions.Semantic"/> is on, <paramref name="embeddings"/> (the shared
    /// <see cref="MiniLmEmbeddingGenerator"/> when null).
    /// </summary>
    public StrideLoader(IOptions<SearchOptions> searchOptions, ILogger<StrideLoader>? logger = null, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        ArgumentNullException.ThrowIfNull(searchOptions);
        _searchOptions = searchOptions;
        _logger = logger ?? NullLogger<StrideLoader>.Instance;
        _embeddings = embeddings;
    }

    /// <summary>The folder inside a saved index where <c>stride index</c> keeps the entry vectors.</summary>
    public static string IndexVectorsFolder(string indexDirectory) => Path.Combine(indexDirectory, "vectors");

    /// <summary>
    /// The folder of the vectors shipped with Stride's own KB (<c>kb/vectors</c>), or null when the KB is not found.
    /// They are the whole-text rows only (<see cref="ShippedVectors"/>); regenerate them after editing the KB:
    /// <c>stride kb vectors --out kb/vectors</c>.
    /// </summary>
    public static string? ShippedVectorsFolder() => KbLocator.DefaultKbFolder() is { } kb ? Path.Combine(kb, "vectors") : null;

    /// <summary>Reads a whole text file as strict UTF-8.</summary>
    public static Loaded<string> ReadText(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!File.Exists(file))
        {
            return Loaded.Failed<string>($"{file}: error: no such file");
        }

        var text = KbFileLoader.DecodeUtf8(File.ReadAllBytes(file), file, out var problem);
        return problem is null ? new Loaded<string>(text) : Loaded.Failed<string>(problem.ToString());
    }

    /// <summary>Reads and checks the synonym map: <paramref name="file"/>, else the default KB's, else none (empty).</summary>
    public static Loaded<string> LoadSynonyms(string? file)
    {
        file ??= KbLocator.DefaultSynonymsFile();
        if (file is null)
        {
            return new Loaded<string>(string.Empty);
        }

        var text = ReadText(file);
        if (text.Value is null)
        {
            return text;
        }

        try
        {
            using var check = new TextAnalysis(text.Value, file);
        }
        catch (InvalidDataException ex)
        {
            return Loaded.Failed<string>(ex.Message);
        }

        return text;
    }

    /// <summary>Reads the red-flag rules: <paramref name="file"/>, else the default KB's <c>triage-rules.yaml</c>.</summary>
    public static Loaded<TriageEngine> LoadTriage(string? file)
    {
        file ??= KbLocator.DefaultTriageRulesFile();
        if (file is null)
        {
            return Loaded.Failed<TriageEngine>($"stride: the red-flag rules (kb/{KbLocator.TriageRulesFileName}) were not found; pass --triage-rules FILE");
        }

        var text = ReadText(file);
        if (text.Value is null)
        {
            return new Loaded<TriageEngine>(null, text.Errors);
        }

        var (rules, errors) = TriageRuleSet.Read(new StringReader(text.Value), file);
        if (rules is null)
        {
            return new Loaded<TriageEngine>(null, [.. errors.Select(e => e.ToString())]);
        }

        var readers = LoadReaders(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        return readers.Value is null ? new Loaded<TriageEngine>(null, readers.Errors) : new Loaded<TriageEngine>(new TriageEngine(rules, readers.Value));
    }

    /// <summary>
    /// Reads the triage second readers beside the rules in <paramref name="folder"/> (<c>triage-reader-emergency.tsv</c>,
    /// <c>triage-reader-urgent.tsv</c>); a missing file means no reader at that level, a damaged one is an error.
    /// </summary>
    private static Loaded<IReadOnlyList<WordReader>> LoadReaders(string folder)
    {
        var readers = new List<WordReader>();
        foreach (var level in new[] { TriageLevel.Emergency, TriageLevel.Urgent })
        {
            var readerFile = Path.Combine(folder, WordReader.FileName(level));
            if (!File.Exists(readerFile))
            {
                continue;
            }

            var readerText = ReadText(readerFile);
            if (readerText.Value is null)
            {
                return new Loaded<IReadOnlyList<WordReader>>(null, readerText.Errors);
            }

            var (reader, readerErrors) = WordReader.Read(new StringReader(readerText.Value), readerFile);
            if (reader is null)
            {
                return new Loaded<IReadOnlyList<WordReader>>(null, [.. readerErrors.Select(e => e.ToString())]);
            }

            if (reader.Level != level)
            {
                return Loaded.Failed<IReadOnlyList<WordReader>>($"{readerFile}: its #level is {reader.Level.Name()}, but the file name says {level.Name()}");
            }

            readers.Add(reader);
        }

        return new Loaded<IReadOnlyList<WordReader>>(readers);
    }

    /// <summary>Imports knowledge-base files (Stride's own KB when <paramref name="paths"/> is empty); all or nothing.</summary>
    public static Loaded<KnowledgeBase> LoadKnowledgeBase(IReadOnlyList<string> paths, KbFormat? format, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            var folder = KbLocator.DefaultKbFolder();
            if (folder is null)
            {
                return Loaded.Failed<KnowledgeBase>(
                    $"stride: Stride's own knowledge base (a kb/ folder with {KbFileLoader.ManifestFileName}) was not found; pass --kb PATH or set {KbLocator.EnvironmentVariable}");
            }

            paths = [folder];
        }

        var load = KbFileLoader.Load(paths, format, progress);
        if (load.KnowledgeBase is not null)
        {
            return new Loaded<KnowledgeBase>(load.KnowledgeBase);
        }

        var errors = load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(MaxListedErrors).Select(d => d.ToString()).ToList();
        errors.Add($"stride: {load.Errors.Count()} error(s); nothing was loaded");
        return new Loaded<KnowledgeBase>(null, errors);
    }

    /// <summary>Builds an index over <paramref name="kb"/>, in memory or in <paramref name="directory"/>.</summary>
    public static SearchIndex BuildIndex(KnowledgeBase kb, string synonyms, Lucene.Net.Store.Directory? directory = null, IProgress<(int Done, int Total)>? progress = null) =>
        SearchIndex.Build(kb, synonyms, directory, progress);

    /// <summary>
    /// Loads a whole engine as <paramref name="options"/> say: the red-flag rules, then a saved index or the imported
    /// knowledge base with its synonym map. <paramref name="importProgress"/> and <paramref name="indexProgress"/>
    /// report the two slow steps.
    /// </summary>
    public Loaded<EngineSnapshot> Load(StrideOptions options, IProgress<(int Done, int Total)>? importProgress = null, IProgress<(int Done, int Total)>? indexProgress = null,
        IProgress<(int Done, int Total)>? embedProgress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (new StrideOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            return new Loaded<EngineSnapshot>(null, [.. invalid.Failures.Select(f => $"stride: {f}")]);
        }

        // Loading the embedding model takes about a second: it overlaps the import and indexing on another core.
        var generator = _embeddings ?? MiniLmEmbeddingGenerator.Shared;
        // Stride's own KB is small, so unless semantic search is off it will need the model; for other collections the
        // default waits for their size, and the model then loads when first used.
        var semantic = _searchOptions.Value.Semantic;
        var modelNeeded = semantic == true || (semantic is null && options.IndexDirectory is null && options.KbPaths.Count == 0);
        var modelLoaded = modelNeeded ? Task.Run(() => generator.GenerateAsync(["warm up"])) : Task.CompletedTask;
        var loaded = Load(options, generator, modelLoaded, importProgress, indexProgress, embedProgress);
        if (loaded.Value is null)
        {
            // A process that stops on bad input while ONNX Runtime is still creating its session gets a native error
            // line after Stride's own message ("Exception during initialization"); let the warm-up finish first.
            try
            {
                modelLoaded.Wait();
            }
            catch (AggregateException)
            {
                // Whatever went wrong with the model is not what the caller needs to hear about here.
            }
        }

        return loaded;
    }

    private Loaded<EngineSnapshot> Load(StrideOptions options, IEmbeddingGenerator<string, Embedding<float>> generator, Task modelLoaded,
        IProgress<(int Done, int Total)>? importProgress, IProgress<(int Done, int Total)>? indexProgress, IProgress<(int Done, int Total)>? embedProgress)
    {
        // The rules load on another core while the knowledge loads (on a saved MedQuAD index, a quarter of a second).
        var triageLoaded = Task.Run(() => LoadTriage(options.TriageRulesFile));

        SearchIndex index;
        string source;
        if (options.IndexDirectory is { } indexDir)
        {
            if (!System.IO.Directory.Exists(indexDir))
            {
                return Loaded.Failed<EngineSnapshot>($"{indexDir}: error: no such index folder (build one with 'stride index --out {indexDir}')");
            }

            if (IndexManifest.Verify(indexDir) is { } damage)
            {
                return Loaded.Failed<EngineSnapshot>($"{indexDir}: error: the index is damaged or from another version ({damage}); rebuild it with 'stride index'");
            }

            var directory = FSDirectory.Open(indexDir);
            try
            {
                index = SearchIndex.Open(directory);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or IndexOutOfRangeException or System.Text.DecoderFallbackException or InvalidOperationException)
            {
                // The manifest matched, yet Lucene could not read it: still a damaged index, never a crash.
                directory.Dispose();
                return Loaded.Failed<EngineSnapshot>($"{indexDir}: error: the index is damaged or from another version ({ex.Message}); rebuild it with 'stride index'");
            }

            source = $"index {indexDir}";
        }
        else
        {
            var synonyms = LoadSynonyms(options.SynonymsFile);
            if (synonyms.Value is null)
            {
                return new Loaded<EngineSnapshot>(null, synonyms.Errors);
            }

            var kb = LoadKnowledgeBase([.. options.KbPaths], KbFormats.Parse(options.Format), importProgress);
            if (kb.Value is null)
            {
                return new Loaded<EngineSnapshot>(null, kb.Errors);
            }

            index = BuildIndex(kb.Value, synonyms.Value, progress: indexProgress);
            source = options.KbPaths.Count == 0 ? "Stride's own KB" : string.Join(", ", options.KbPaths);
        }

        var triage = triageLoaded.GetAwaiter().GetResult();
        if (triage.Value is null)
        {
            index.Dispose();
            return new Loaded<EngineSnapshot>(null, triage.Errors);
        }

        EntryVectors? vectors = null;
        if (_searchOptions.Value.SemanticFor(index.Count))
        {
            List<VectorCache> caches = [new VectorCache(options.CacheDirectory ?? VectorCache.DefaultFolder())];
            if (options.IndexDirectory is { } saved)
            {
                caches.Insert(0, new VectorCache(IndexVectorsFolder(saved)));
            }
            else if (options.KbPaths.Count == 0 && ShippedVectorsFolder() is { } shipped)
            {
                // Stride's own KB ships its vectors, so a first start does not embed it; read only (the user cache
                // comes first, so a save never lands in the KB folder).
                caches.Add(new VectorCache(shipped));
            }

            modelLoaded.GetAwaiter().GetResult();
            vectors = EntryVectors.Build(index, generator, caches, embedProgress, _searchOptions.Value.TextPlanFor(index.Count));
            LogVectors(_logger, vectors.Count, vectors.FromCache ? "read from the cache" : "embedded");
        }

        var engine = new AnswerEngine(new Searcher(index, _searchOptions, vectors), triage.Value, _searchOptions);
        LogLoaded(_logger, source, index.Count);
        return new Loaded<EngineSnapshot>(new EngineSnapshot(engine, index, source));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Entry vectors for {Entries} entries {How}")]
    private static partial void LogVectors(ILogger logger, int entries, string how);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Built an engine over {Source} ({Entries} entries)")]
    private static partial void LogLoaded(ILogger logger, string source, int entries);
}
