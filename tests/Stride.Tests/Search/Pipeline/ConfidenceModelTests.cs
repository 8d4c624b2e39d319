using Stride.Search;
using Stride.Search.Pipeline;

namespace Stride.Tests.Search.Pipeline;

public sealed class ConfidenceModelTests
{
    private static readonly ConfidenceModel Model = new(new SearchOptions());

    private static MatchFeatures Match(double similarity = 0, double coverage = 0, double evidence = 0, double focus = 0, double penalty = 1) =>
        new(similarity, 0, coverage, evidence, focus, penalty, TypeAgrees: false, TopicFocus: false);

    [Fact]
    public void Closer_question_is_more_likely_the_answer()
    {
        Assert.True(Model.Fitted(Match(similarity: 0.9, coverage: 0.8, evidence: 0.5)) > Model.Fitted(Match(similarity: 0.3, coverage: 0.8, evidence: 0.5)));
        Assert.InRange(Model.Fitted(Match(similarity: 1, coverage: 1, evidence: 1)), 0.99, 1.0);
        Assert.InRange(Model.Fitted(Match()), 0.0, 0.01);
    }

    [Fact]
    public void Penalty_scales_the_fitted_confidence()
    {
        var full = Model.Fitted(Match(similarity: 0.8, coverage: 0.8, evidence: 0.4));

        Assert.Equal(full / 2, Model.Fitted(Match(similarity: 0.8, coverage: 0.8, evidence: 0.4, penalty: 0.5)), 12);
    }

    [Fact]
    public void Entry_about_a_named_condition_is_confident_enough_to_show_however_the_message_is_worded()
    {
        var match = Match(similarity: 0.05, focus: 1.0);
        var fitted = Model.Fitted(match);

        Assert.True(fitted < new SearchOptions().NoAnswerThreshold);
        Assert.Equal(new SearchOptions().NamedFocusConfidence, Model.Confidence(match, fitted));
        Assert.Equal(fitted, new ConfidenceModel(new SearchOptions { NamedFocusConfidence = 0 }).Confidence(match, fitted));
    }

    [Fact]
    public void Confidence_s_share_of_the_order_fades_out_for_long_messages()
    {
        var full = new SearchOptions().ConfidenceRankWeight;

        Assert.Equal(full, Model.RankShare(3));
        Assert.Equal(full, Model.RankShare(4));
        Assert.Equal(full / 2, Model.RankShare(8), 12);
        Assert.Equal(0, Model.RankShare(12));
        Assert.Equal(0, Model.RankShare(40));
    }
}
