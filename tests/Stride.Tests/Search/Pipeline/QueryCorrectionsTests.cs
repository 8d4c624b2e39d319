using Stride.Search.Pipeline;

namespace Stride.Tests.Search.Pipeline;

public sealed class QueryCorrectionsTests
{
    [Fact]
    public void Word_nobody_uses_is_corrected_to_index_words_near_it()
    {
        var corrections = new IndexTermCorrector(PipelineIndexes.OwnKb).Corrections("lowr");

        Assert.Contains("lower", corrections);
        Assert.DoesNotContain("lowr", corrections);
    }

    [Fact]
    public void Focus_lookup_s_corrections_are_the_ones_later_steps_reuse()
    {
        var index = PipelineIndexes.Pages;
        var corrections = new QueryCorrections(new IndexTermCorrector(index), index.Vocabulary.FocusSpeller);

        var forFocus = corrections.ForFocusLookup("fasici", "fasiciitis");

        Assert.Contains("fasciiti", forFocus);
        Assert.Same(forFocus, corrections.ForWord("fasici"));
        Assert.True(corrections.TryGet("fasici", out var cached));
        Assert.Same(forFocus, cached);
        Assert.False(corrections.TryGet("never", out _));
    }
}
