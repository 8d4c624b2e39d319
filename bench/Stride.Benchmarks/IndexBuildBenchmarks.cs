using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Stride.Knowledge;
using Stride.Search;

namespace Stride.Benchmarks;

/// <summary>
/// Import and index build time and allocations: Stride's own KB and all 47,457 MedQuAD pairs. Import alone is the
/// baseline, so the ratio shows what indexing adds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndexBuildBenchmarks
{
    private KnowledgeBase _kb = null!;
    private string _synonyms = string.Empty;

    /// <summary>Which collection to build.</summary>
    [Params("stride-kb", "medquad")]
    public string Collection { get; set; } = "stride-kb";

    private string CollectionPath => Collection == "medquad" ? Paths.Shared("medquad") : Paths.Kb;

    [GlobalSetup]
    public void Setup()
    {
        _kb = KbFileLoader.Load([CollectionPath]).KnowledgeBase ?? throw new InvalidOperationException("cannot load the KB");
        _synonyms = File.ReadAllText(Paths.Synonyms);
    }

    [Benchmark(Baseline = true, Description = "import files")]
    public int Import() => KbFileLoader.Load([CollectionPath]).KnowledgeBase!.Entries.Length;

    [Benchmark(Description = "build in-memory index")]
    public int BuildIndex()
    {
        using var index = SearchIndex.Build(_kb, _synonyms);
        return index.Count;
    }

    [Benchmark(Description = "import + build index")]
    public int ImportAndBuild()
    {
        var kb = KbFileLoader.Load([CollectionPath]).KnowledgeBase!;
        using var index = SearchIndex.Build(kb, _synonyms);
        return index.Count;
    }
}
