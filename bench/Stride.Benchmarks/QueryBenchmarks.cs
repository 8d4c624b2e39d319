using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Stride.Evaluation;
using Stride.Hosting;
using Stride.Search;

namespace Stride.Benchmarks;

/// <summary>
/// Latency of one question on Stride's own KB and on all of MedQuAD, against plain BM25 on the same collection
/// (the baseline, so the ratio column says what the reranking costs).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MinColumn, MaxColumn, MedianColumn]
public class QueryBenchmarks
{
    private static readonly string[] Questions =
    [
        "why does my lower back hurt when i walk",
        "pins and needles down my leg after a long walk",
        "is it ok to keep walking with sciatica",
        "what are the side effects of ibuprofen",
        "my mum is 80 and her back hurts on the stairs, what tests will the doctor do",
    ];

    private AnswerEngine _engine = null!;
    private PlainBm25Baseline _baseline = null!;
    private EngineSnapshot _snapshot = null!;
    private int _next;

    /// <summary>Which collection to query.</summary>
    [Params("stride-kb", "medquad")]
    public string Collection { get; set; } = "stride-kb";

    [GlobalSetup]
    public void Setup()
    {
        var path = Collection == "medquad" ? Paths.Shared("medquad") : Paths.Kb;

        // The engine comes from the same loading every host uses (AddStride's StrideLoader), so the benchmark
        // measures what the CLI and the web app run.
        var loader = new StrideLoader(Options.Create(new SearchOptions()));
        var loaded = loader.Load(new StrideOptions
        {
            KbPaths = [path],
            SynonymsFile = Paths.Synonyms,
            TriageRulesFile = Path.Combine(Paths.Kb, "triage-rules.yaml"),
        });
        _snapshot = loaded.Value ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        _engine = _snapshot.Engine;
        _baseline = new PlainBm25Baseline(_engine.KnowledgeBase);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _snapshot.Dispose();
        _baseline.Dispose();
    }

    [Benchmark(Baseline = true, Description = "plain BM25 (question+answer)")]
    public int PlainBm25() => _baseline.Search(Questions[_next++ % Questions.Length], 10).Count;

    [Benchmark(Description = "Stride ask (triage, synonyms, typo fix, reranking)")]
    public int StrideAsk() => _engine.Ask(Questions[_next++ % Questions.Length]).Answers.Count;
}
