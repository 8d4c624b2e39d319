using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Stride.Evaluation;
using Stride.Knowledge;
using Stride.Search;
using Stride.Triage;

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
    private SearchIndex _index = null!;
    private int _next;

    /// <summary>Which collection to query.</summary>
    [Params("stride-kb", "medquad")]
    public string Collection { get; set; } = "stride-kb";

    [GlobalSetup]
    public void Setup()
    {
        var path = Collection == "medquad" ? Paths.Shared("medquad") : Paths.Kb;
        var kb = KbFileLoader.Load([path]).KnowledgeBase ?? throw new InvalidOperationException($"cannot load {path}");
        _index = SearchIndex.Build(kb, File.ReadAllText(Paths.Synonyms));
        var options = Options.Create(new SearchOptions());
        using var rules = File.OpenText(Path.Combine(Paths.Kb, "triage-rules.yaml"));
        var triage = new TriageEngine(TriageRuleSet.Read(rules, "triage-rules.yaml").RuleSet ?? throw new InvalidOperationException("bad rules"));
        _engine = new AnswerEngine(new Searcher(_index, options), triage, options);
        _baseline = new PlainBm25Baseline(kb);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        _baseline.Dispose();
    }

    [Benchmark(Baseline = true, Description = "plain BM25 (question+answer)")]
    public int PlainBm25() => _baseline.Search(Questions[_next++ % Questions.Length], 10).Count;

    [Benchmark(Description = "Stride ask (triage, synonyms, typo fix, reranking)")]
    public int StrideAsk() => _engine.Ask(Questions[_next++ % Questions.Length]).Answers.Count;
}
