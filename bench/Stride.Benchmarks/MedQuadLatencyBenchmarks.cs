using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Options;
using Stride.Evaluation;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Benchmarks;

/// <summary>
/// Single-query latency on the MedQuAD index with the 104 LiveQA-Med consumer questions (long, rambling, real):
/// one question per iteration, so P50 and P99 are percentiles over questions. Baseline: plain BM25. The hybrid's
/// entry vectors come from the user's vector cache (embedding all of MedQuAD takes minutes: fill the cache first with
/// <c>stride eval liveqa --semantic on</c>). Each question carries the iteration number, so that no ranker is
/// measured on a question it has seen (the hybrid remembers recent query vectors).
/// </summary>
[Config(typeof(LatencyConfig))]
[MemoryDiagnoser]
public class MedQuadLatencyBenchmarks
{
    private Searcher _searcher = null!;
    private Searcher _hybrid = null!;
    private PlainBm25Baseline _baseline = null!;
    private SearchIndex _index = null!;
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var kb = KbFileLoader.Load([Paths.Shared("medquad")]).KnowledgeBase ?? throw new InvalidOperationException("cannot load MedQuAD");
        _index = SearchIndex.Build(kb, File.ReadAllText(Paths.Synonyms));
        _searcher = new Searcher(_index, Options.Create(new SearchOptions()));
        _baseline = new PlainBm25Baseline(kb);
        var vectors = EntryVectors.Build(_index, MiniLmEmbeddingGenerator.Shared, [new VectorCache(VectorCache.DefaultFolder())]);
        _hybrid = new Searcher(_index, Options.Create(new SearchOptions { Semantic = true }), vectors);
        using var reader = File.OpenText(Paths.Shared("liveqa-med-2017/TREC-2017-LiveQA-Medical-Test.xml"));
        _questions = [.. LiveQaQuestion.Read(reader).Select(q => q.Original)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        _baseline.Dispose();
    }

    [Benchmark(Baseline = true, Description = "plain BM25")]
    public int PlainBm25() => _baseline.Search(NextQuestion(), 10).Count;

    [Benchmark(Description = "Stride search (rerank, focus, type)")]
    public int Stride() => _searcher.Search(NextQuestion()).Count;

    [Benchmark(Description = "Stride search, semantic on (hybrid)")]
    public int Hybrid() => _hybrid.Search(NextQuestion()).Count;

    private string NextQuestion()
    {
        var n = _next++;
        return $"{_questions[n % _questions.Length]} ({n})";
    }

    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(104)
                .WithIterationCount(312)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(new LatencyPercentileColumn(50), new LatencyPercentileColumn(99));
        }
    }
}
