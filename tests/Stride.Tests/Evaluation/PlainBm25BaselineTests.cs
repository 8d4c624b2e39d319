using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>The yardstick: plain BM25 over focus + question + answer, nothing more.</summary>
public sealed class PlainBm25BaselineTests
{
    [Fact]
    public void Entries_with_the_rarer_words_come_first_and_entries_without_any_word_are_left_out()
    {
        using var baseline = new PlainBm25Baseline(SmallCollection.Create());

        // "back" is in b only; "pain" in all three. b matches both words.
        Assert.Equal("b", baseline.Search("back pain", 10)[0].Id);
        Assert.Equal(["a"], baseline.Search("sciatica", 10).Select(e => e.Id));
        Assert.Single(baseline.Search("back pain", 1));
    }

    [Fact]
    public void It_knows_no_synonyms()
    {
        // Stride's synonym table links "backache" to back pain; the baseline must not.
        using var baseline = new PlainBm25Baseline(SmallCollection.Create());
        Assert.Empty(baseline.Search("backache", 10));
    }

    [Fact]
    public void As_a_ranker_it_scores_by_rank_so_runs_are_comparable_across_questions()
    {
        using var baseline = new PlainBm25Baseline(SmallCollection.Create());
        var ranked = Rankers.Bm25(baseline, depth: 2)("back pain");
        Assert.Equal([2.0, 1.0], ranked.Select(a => a.Score));
        Assert.Equal("b", ranked[0].AnswerId);
    }
}
