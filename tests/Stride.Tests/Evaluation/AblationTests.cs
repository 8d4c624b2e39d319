using System.Collections;
using Stride.Evaluation;
using Stride.Search;

namespace Stride.Tests.Evaluation;

/// <summary>The ablation's levels and its table.</summary>
public sealed class AblationTests
{
    private static readonly System.Reflection.PropertyInfo[] Properties = typeof(SearchOptions).GetProperties();

    /// <summary>The options whose value at <paramref name="level"/> differs from the defaults.</summary>
    private static HashSet<string> Off(int level)
    {
        var defaults = new SearchOptions { CandidateCount = 7 };
        var options = Ablation.OptionsAt(level, 7);
        return [.. Properties.Where(p => !Same(p.GetValue(defaults), p.GetValue(options))).Select(p => p.Name)];
    }

    private static bool Same(object? a, object? b) =>
        a is IEnumerable x && b is IEnumerable y && a is not string ? x.Cast<object>().SequenceEqual(y.Cast<object>()) : Equals(a, b);

    [Fact]
    public void The_last_level_is_stride_with_its_defaults()
    {
        Assert.Empty(Off(Ablation.Steps.Count - 1));
        Assert.EndsWith("(= Stride)", Ablation.Steps[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_level_switches_on_more_and_never_switches_one_off_again()
    {
        var first = Off(0);
        Assert.Contains(nameof(SearchOptions.QuestionTypeWeight), first);
        Assert.Contains(nameof(SearchOptions.CatchAllTypes), first);
        for (var level = 1; level < Ablation.Steps.Count; level++)
        {
            var before = Off(level - 1);
            var now = Off(level);
            Assert.True(now.IsProperSubsetOf(before), $"level {level} ({Ablation.Steps[level]}) switches nothing on, or something off");
        }
    }

    [Fact]
    public void Levels_outside_the_steps_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ablation.OptionsAt(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ablation.OptionsAt(Ablation.Steps.Count, 10));
        Assert.Equal(10, Ablation.OptionsAt(0, 10).CandidateCount);
    }

    [Fact]
    public void A_run_has_the_baseline_then_one_row_per_step()
    {
        var kb = SmallCollection.Create();
        using var index = SmallCollection.Index(kb);
        var questions = LiveQaQuestion.Read(new StringReader("""<x><NLM-QUESTION qid="TQ1"><Original-Question><MESSAGE>what is sciatica</MESSAGE></Original-Question></NLM-QUESTION></x>"""));
        var asker = new LiveQaAsker(questions, LiveQaVariant.Original, 10, NoAskProgress.Instance);

        var rows = new Ablation(index, kb).Run(asker, Qrels.From([("TQ1", "a", 3)]));

        Assert.Equal([Ablation.BaselineStep, .. Ablation.Steps], rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal(3.0, r.Metrics.AvgScore)); // every ranker puts the sciatica entry first
    }

    [Fact]
    public void The_table_has_a_header_and_one_aligned_line_per_row()
    {
        var m = new RankingMetrics(1, 1.5, 1, 0.5, 0, 0.25, 0.5, 0.125, 0.5, 1, 0.75, 0.1, 2, 0.2);
        var lines = Ablation.Report([new AblationRow("plain", m)]).Split(Environment.NewLine);
        Assert.Equal(
            [
                string.Empty,
                "Ablation (same index, same questions; lower grade for duplicates):",
                "  step                                            avgScore   succ2  MAP@10  nDCG@10  cond.avg  unj@1",
                "  plain                                              1.500   0.500   0.250    0.125     2.000  0.750",
                string.Empty,
            ],
            lines);
    }
}
