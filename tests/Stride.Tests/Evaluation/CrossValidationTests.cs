using Stride.Evaluation;
using Stride.Search;

namespace Stride.Tests.Evaluation;

/// <summary>The 2-fold cross-validation on a grid of three settings and four questions, worked out by hand.</summary>
public sealed class CrossValidationTests
{
    private static readonly CrossValidationSetting S1 = new(0, 0.2, 0, 0.5, 0.5, 0, 0, 0.3);
    private static readonly CrossValidationSetting S2 = S1 with { Numbers = 1 };
    private static readonly CrossValidationSetting S3 = S1 with { Focus = 0.3 };
    private static readonly string[] Questions = ["TQ1", "TQ2", "TQ3", "TQ4"];

    // G is Excellent (3) and M Related (1) for every question; U is unjudged.
    private static readonly Qrels Judgments = Qrels.From(Questions.SelectMany(q => new[] { (q, "G", 3), (q, "M", 1) }));

    // Odd questions are TQ1 and TQ3, even ones TQ2 and TQ4.
    // S1: odd 3, even 1 (condensed 1).  S2: odd 3, even (3 + 0) / 2 = 1.5 (condensed (3 + 1) / 2 = 2).  S3: odd 1, even 3.
    private static readonly Dictionary<CrossValidationSetting, IReadOnlyDictionary<string, IReadOnlyList<string>>> Runs = new()
    {
        [S1] = Ranking(["G"], ["M"], ["G"], ["M"]),
        [S2] = Ranking(["G"], ["G"], ["G"], ["U", "M"]),
        [S3] = Ranking(["M"], ["G"], ["M"], ["G"]),
    };

    private static Dictionary<string, IReadOnlyList<string>> Ranking(params string[][] answers) =>
        answers.Select((a, i) => (Id: $"TQ{i + 1}", Answers: (IReadOnlyList<string>)a)).ToDictionary(x => x.Id, x => x.Answers, StringComparer.Ordinal);

    private static CrossValidationStudy Study() => CrossValidation.Study(TuningMeasure.AvgScore, [S1, S2, S3], Runs, Questions, Judgments);

    [Fact]
    public void Tied_settings_are_all_chosen_and_their_held_out_figures_averaged()
    {
        var odd = Study().Folds[0];
        Assert.Equal("tuned on odd TQn, measured on even", odd.Label);
        Assert.Equal([S1, S2], odd.Chosen);             // both score 3 on the odd half
        Assert.Equal((1 + 1.5) / 2, odd.AvgScore, 6);
        Assert.Equal((1 + 2.0) / 2, odd.CondensedAvgScore, 6);
        Assert.Equal(2, odd.HeldOutQuestions);
    }

    [Fact]
    public void The_other_fold_tunes_on_the_even_half()
    {
        var even = Study().Folds[1];
        Assert.Equal([S3], even.Chosen);
        Assert.Equal(1.0, even.AvgScore, 6);
    }

    [Fact]
    public void The_overall_figures_weigh_each_fold_by_its_held_out_questions()
    {
        var study = Study();
        Assert.Equal(((1.25 * 2) + (1.0 * 2)) / 4, study.AvgScore, 6);
        Assert.Equal(((1.5 * 2) + (1.0 * 2)) / 4, study.CondensedAvgScore, 6);
    }

    [Fact]
    public void The_report_names_the_first_chosen_setting_and_the_ties()
    {
        var lines = CrossValidation.Report([Study()]).Split(Environment.NewLine);
        Assert.Equal(string.Empty, lines[0]);
        Assert.Contains("by avgScore, measure on the other):", lines[1], StringComparison.Ordinal);
        Assert.Equal("  tuned on odd TQn, measured on even: focus 0, type 0.2, confidence 0, story words 0.5, partly named 0.5, topic line 0, specific names 0, numbers 0.3 (first of 2 tied settings; figures are their mean) -> held-out avgScore 1.250, condensed 1.500", lines[2]);
        Assert.Equal("  tuned on even TQn, measured on odd: focus 0.3, type 0.2, confidence 0, story words 0.5, partly named 0.5, topic line 0, specific names 0, numbers 0.3 -> held-out avgScore 1.000, condensed 1.000", lines[3]);
        Assert.Equal("  cross-validated over all 4 questions: avgScore 1.125, condensed avgScore 1.250", lines[4]);
    }

    [Fact]
    public void The_grid_has_384_distinct_settings_and_holds_the_defaults()
    {
        Assert.Equal(384, CrossValidation.Grid.Count);
        Assert.Equal(384, CrossValidation.Grid.Distinct().Count());
        var d = new SearchOptions();
        Assert.Contains(new CrossValidationSetting(d.FocusWeight, d.QuestionTypeWeight, d.ConfidenceRankWeight, d.ContextWordWeight,
            d.PartlyNamedFocusWeight, d.TopicFocusWeight, d.SpecificNameShare, d.NumberWeight), CrossValidation.Grid);
    }

    [Fact]
    public void A_setting_sets_its_eight_weights_and_leaves_the_rest_at_the_defaults()
    {
        var o = new CrossValidationSetting(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8).ToOptions(42);
        Assert.Equal(
            [42, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
            [o.CandidateCount, o.FocusWeight, o.QuestionTypeWeight, o.ConfidenceRankWeight, o.ContextWordWeight, o.PartlyNamedFocusWeight,
             o.TopicFocusWeight, o.SpecificNameShare, o.NumberWeight]);
        Assert.Equal(new SearchOptions().QuestionSimilarityWeight, o.QuestionSimilarityWeight);
    }
}
