using Microsoft.Extensions.Options;
using Stride.Search;

namespace Stride.Tests.Search.Pipeline;

public sealed class SearchOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(SearchOptions options) => new SearchOptionsValidator().Validate(Options.DefaultName, options);

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.True(Validate(new SearchOptions()).Succeeded);
    }

    [Fact]
    public void Every_ablation_setting_is_valid()
    {
        // What 'eval liveqa --ablation' turns off: weights to 0 or 1, switches off, no catch-all types.
        var off = new SearchOptions
        {
            QuestionSimilarityWeight = 0, CoverageWeight = 0, ConfidenceRankWeight = 0, QuestionTypeWeight = 0, WantedTypeFirstWithinFocus = false,
            PartlyNamedFocusWeight = 1.0, ContextWordWeight = 1.0, TopicFocusWeight = 0, CauseNamesEffect = false, NarrowerFocusForWantedType = false,
            SpecificNameShare = 0, CatchAllTypes = [], NumberWeight = 1.0,
        };

        Assert.True(Validate(off).Succeeded);
    }

    [Theory]
    [InlineData(nameof(SearchOptions.CandidateCount))]
    [InlineData(nameof(SearchOptions.NoAnswerThreshold))]
    [InlineData(nameof(SearchOptions.ConfidenceRankWeight))]
    [InlineData(nameof(SearchOptions.SynonymMatchStrength))]
    [InlineData(nameof(SearchOptions.DuplicateQuestionOverlap))]
    public void Value_out_of_range_is_named_in_the_failure(string property)
    {
        var options = new SearchOptions();
        var setting = typeof(SearchOptions).GetProperty(property)!;
        setting.SetValue(options, setting.PropertyType == typeof(int) ? -1 : (object)2.0);

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(property, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_a_number_is_out_of_range()
    {
        Assert.True(Validate(new SearchOptions { Bm25Weight = double.NaN }).Failed);
    }

    [Fact]
    public void Long_message_must_be_longer_than_a_short_one()
    {
        var result = Validate(new SearchOptions { ShortMessageWords = 12, LongMessageWords = 12 });

        Assert.True(result.Failed);
        Assert.Contains(nameof(SearchOptions.LongMessageWords), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Searcher_refuses_invalid_options()
    {
        Assert.Throws<OptionsValidationException>(() => PipelineIndexes.Searcher(PipelineIndexes.OwnKb, new SearchOptions { CandidateCount = 0 }));
    }
}
