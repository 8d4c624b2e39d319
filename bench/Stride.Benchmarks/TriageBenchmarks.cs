using BenchmarkDotNet.Attributes;
using Stride.Triage;

namespace Stride.Benchmarks;

/// <summary>
/// Time to triage one message with the current rules (kb/triage-rules.yaml), alone and with the second readers beside
/// them (kb/triage-reader-*.tsv, as every host loads them), next to the rules before v2 (Baseline/triage-rules-v1.yaml),
/// on the same engine, in the same run. The bar: under 1 ms median.
/// </summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private TriageEngine _v1 = null!;
    private TriageEngine _v2 = null!;
    private TriageEngine _withReaders = null!;

    /// <summary>
    /// A short message, a long story with the red flag buried in it, and "vignettes": each call triages the next of
    /// every blind-set vignette in tests/ (1,000+ messages as people wrote them), so the figure is the mean over a
    /// realistic mix of lengths.
    /// </summary>
    [Params("short", "long", "vignettes")]
    public string Message { get; set; } = "short";

    private string _text = string.Empty;
    private string[] _vignettes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _v1 = Load(Path.Combine(AppContext.BaseDirectory, "Baseline", "triage-rules-v1.yaml"));
        _v2 = Load(Path.Combine(Paths.Kb, "triage-rules.yaml"));
        var loaded = Stride.Hosting.StrideLoader.LoadTriage(Path.Combine(Paths.Kb, "triage-rules.yaml"));
        _withReaders = loaded.Value ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        _text = Message == "short"
            ? "my back is agony and i cant pee since last night"
            : "So I've had a dodgy back on and off for years, usually it settles with ibuprofen and a hot bath. This time it "
              + "started after moving a sofa on Tuesday and it's worse than normal, and my husband thinks I should rest. "
              + "Last night in the shower I realised I couldn't really feel the water around my bottom, and this morning "
              + "my left leg felt heavy on the stairs. I'm 52, I had a temperature of 37.2 yesterday, and I walk the dog "
              + "twice a day but I had to stop and lean on a wall after ten minutes. Should I just keep resting it?";
        _vignettes = [.. Directory.GetFiles(Path.Combine(Paths.Root, "tests", "Stride.Tests", "Data"), "triage-v*.tsv")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(line => line.Split('\t')[0])];
    }

    [Benchmark(Baseline = true)]
    public TriageLevel RulesBeforeV2() => _v1.Triage(Text()).Level;

    [Benchmark]
    public TriageLevel RulesV2() => _v2.Triage(Text()).Level;

    [Benchmark]
    public TriageLevel RulesAndReaders() => _withReaders.Triage(Text()).Level;

    // BenchmarkDotNet runs each case in its own process, so both engines cycle through the same sequence from the start.
    private string Text() => Message == "vignettes" ? _vignettes[_next++ % _vignettes.Length] : _text;

    private static TriageEngine Load(string path)
    {
        using var reader = File.OpenText(path);
        var (rules, errors) = TriageRuleSet.Read(reader, path);
        return rules is null ? throw new InvalidOperationException(string.Join("; ", errors)) : new TriageEngine(rules);
    }
}
