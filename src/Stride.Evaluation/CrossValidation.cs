using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Evaluation;

/// <summary>One setting of the weights the cross-validation tunes; every other search option keeps its default.</summary>
/// <param name="Focus"><see cref="SearchOptions.FocusWeight"/>.</param>
/// <param name="QuestionType"><see cref="SearchOptions.QuestionTypeWeight"/>.</param>
/// <param name="Confidence"><see cref="SearchOptions.ConfidenceRankWeight"/>.</param>
/// <param name="StoryWords"><see cref="SearchOptions.ContextWordWeight"/>.</param>
/// <param name="PartlyNamed"><see cref="SearchOptions.PartlyNamedFocusWeight"/>.</param>
/// <param name="TopicLine"><see cref="SearchOptions.TopicFocusWeight"/>.</param>
/// <param name="SpecificNames"><see cref="SearchOptions.SpecificNameShare"/>.</param>
/// <param name="Numbers"><see cref="SearchOptions.NumberWeight"/>.</param>
public sealed record CrossValidationSetting(
    double Focus, double QuestionType, double Confidence, double StoryWords, double PartlyNamed, double TopicLine, double SpecificNames, double Numbers)
{
    /// <summary>The search options of this setting, with <paramref name="depth"/> candidates.</summary>
    public SearchOptions ToOptions(int depth) => new()
    {
        CandidateCount = depth,
        FocusWeight = Focus,
        QuestionTypeWeight = QuestionType,
        ConfidenceRankWeight = Confidence,
        ContextWordWeight = StoryWords,
        PartlyNamedFocusWeight = PartlyNamed,
        TopicFocusWeight = TopicLine,
        SpecificNameShare = SpecificNames,
        NumberWeight = Numbers,
    };

    /// <summary>The setting as the report names it, for example <c>focus 0, type 0.2, ...</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"focus {Focus}, type {QuestionType}, confidence {Confidence}, story words {StoryWords}, partly named {PartlyNamed}, topic line {TopicLine}, specific names {SpecificNames}, numbers {Numbers}");
}

/// <summary>The figure a cross-validation tunes by.</summary>
/// <param name="Name">Its name in the report.</param>
/// <param name="Pick">Reads it from a run's figures.</param>
public sealed record TuningMeasure(string Name, Func<RankingMetrics, double> Pick)
{
    /// <summary>Tune by avgScore.</summary>
    public static TuningMeasure AvgScore { get; } = new("avgScore", m => m.AvgScore);

    /// <summary>Tune by condensed avgScore.</summary>
    public static TuningMeasure CondensedAvgScore { get; } = new("condensed avgScore", m => m.CondensedAvgScore);
}

/// <summary>One fold: the setting chosen on the tuning half and what it scores on the held-out half.</summary>
/// <param name="Label">Which half was tuned on and which measured.</param>
/// <param name="Chosen">The best settings on the tuning half, tied ones all included, in grid order.</param>
/// <param name="HeldOutQuestions">Questions in the held-out half.</param>
/// <param name="AvgScore">Held-out avgScore, the mean over the tied settings.</param>
/// <param name="CondensedAvgScore">Held-out condensed avgScore, the mean over the tied settings.</param>
public sealed record CrossValidationFold(string Label, IReadOnlyList<CrossValidationSetting> Chosen, int HeldOutQuestions, double AvgScore, double CondensedAvgScore);

/// <summary>Both folds of a cross-validation tuned by one measure, and the held-out figures over all questions.</summary>
/// <param name="Measure">The figure tuned by.</param>
/// <param name="Folds">The two folds.</param>
/// <param name="Questions">All questions; each is held out in exactly one fold.</param>
public sealed record CrossValidationStudy(TuningMeasure Measure, IReadOnlyList<CrossValidationFold> Folds, int Questions)
{
    /// <summary>Held-out avgScore over all questions (each fold weighted by its size).</summary>
    public double AvgScore => Folds.Sum(f => f.AvgScore * f.HeldOutQuestions) / Questions;

    /// <summary>Held-out condensed avgScore over all questions (each fold weighted by its size).</summary>
    public double CondensedAvgScore => Folds.Sum(f => f.CondensedAvgScore * f.HeldOutQuestions) / Questions;
}

/// <summary>
/// Weights chosen by 2-fold cross-validation (odd against even question numbers), so that a reported figure never
/// comes from weights tuned on the questions it is measured on.
/// </summary>
public sealed class CrossValidation
{
    // Two sums over all questions may differ in the last bits although their questions score the same.
    private const double TieTolerance = 1e-9;

    private readonly SearchIndex _index;
    private readonly EntryVectors? _vectors;

    /// <summary>A cross-validation of Stride's weights over <paramref name="index"/>; with semantic search on when <paramref name="vectors"/> are given.</summary>
    public CrossValidation(SearchIndex index, EntryVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _vectors = vectors;
    }

    /// <summary>
    /// The settings tried (384), in the order ties are reported. A small grid keeps the study to a few minutes;
    /// earlier wider grids (focus up to 1.0, type 0, question-only weight 0.85, asked-coverage 0.3) never won.
    /// </summary>
    public static IReadOnlyList<CrossValidationSetting> Grid { get; } =
    [
        .. from f in new[] { 0, 0.3 }
           from t in new[] { 0.2, 0.4 }
           from c in new[] { 0, 0.5 }
           from q in new[] { 0.5, 0.75, 1.0 }
           from p in new[] { 0.5, 1.0 }
           from l in new[] { 0, 0.2 }
           from n in new[] { 0, 0.6 }
           from d in new[] { 0.3, 1.0 }
           select new CrossValidationSetting(f, t, c, q, p, l, n, d),
    ];

    /// <summary>The measures tuned by, in the order they are reported.</summary>
    public static IReadOnlyList<TuningMeasure> Measures { get; } = [TuningMeasure.AvgScore, TuningMeasure.CondensedAvgScore];

    /// <summary>Asks the questions once per setting of <see cref="Grid"/>, then runs a study per measure of <see cref="Measures"/>.</summary>
    public IReadOnlyList<CrossValidationStudy> Run(LiveQaAsker asker, Qrels qrels) => Run(asker, qrels, Grid);

    /// <summary>
    /// The study over <paramref name="grid"/> instead of the full <see cref="Grid"/>. A grid that holds every setting
    /// the full study picks gives the same figures (the picks still tie at the top of each half), in seconds instead
    /// of minutes: the tests check the documented cross-validated figures this way.
    /// </summary>
    public IReadOnlyList<CrossValidationStudy> Run(LiveQaAsker asker, Qrels qrels, IReadOnlyList<CrossValidationSetting> grid)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(qrels);
        ArgumentNullException.ThrowIfNull(grid);

        // One run per setting over all questions; folds are then scored separately (questions do not affect each other).
        var runs = grid.ToDictionary(
            s => s,
            s => asker.Ask(Rankers.Stride(new Searcher(_index, Options.Create(WithSemantic(s.ToOptions(asker.Depth))), _vectors))).AnswerIds());
        return [.. Measures.Select(m => Study(m, grid, runs, asker.QuestionIds, qrels))];
    }

    private SearchOptions WithSemantic(SearchOptions options)
    {
        options.Semantic = _vectors is not null;
        return options;
    }

    /// <summary>
    /// Tunes by <paramref name="measure"/> on the odd-numbered questions and measures on the even ones, then the other
    /// way round, from runs already made (one per setting over all questions).
    /// </summary>
    public static CrossValidationStudy Study(TuningMeasure measure, IReadOnlyList<CrossValidationSetting> grid,
        IReadOnlyDictionary<CrossValidationSetting, IReadOnlyDictionary<string, IReadOnlyList<string>>> runs, IReadOnlyList<string> questionIds, Qrels qrels)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(questionIds);
        ArgumentNullException.ThrowIfNull(qrels);
        var odd = questionIds.Where(id => LiveQaQuestion.Number(id) % 2 == 1).ToList();
        var even = questionIds.Where(id => LiveQaQuestion.Number(id) % 2 == 0).ToList();
        var folds = new[] { (odd, even, "tuned on odd TQn, measured on even"), (even, odd, "tuned on even TQn, measured on odd") }
            .Select(f =>
            {
                var (tune, test, label) = f;

                // Settings that tie on the tuning half are equally good picks; which one the grid lists first says
                // nothing, so the held-out figures are the mean over all of them (a tie broken at random, on average).
                var tuned = grid.Select(s => (Setting: s, Score: measure.Pick(RankingMetrics.Compute(tune, runs[s], qrels)))).ToList();
                var top = tuned.Max(t => t.Score);
                var best = tuned.Where(t => t.Score >= top - TieTolerance).Select(t => t.Setting).ToList();
                var heldOut = best.Select(s => RankingMetrics.Compute(test, runs[s], qrels)).ToList();
                return new CrossValidationFold(label, best, test.Count, heldOut.Average(m => m.AvgScore), heldOut.Average(m => m.CondensedAvgScore));
            })
            .ToList();
        return new CrossValidationStudy(measure, folds, questionIds.Count);
    }

    /// <summary>The studies as <c>stride eval liveqa --cv</c> prints them, each starting with a blank line.</summary>
    public static string Report(IReadOnlyList<CrossValidationStudy> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var study in studies)
        {
            text.AppendLine();
            text.AppendLine($"2-fold cross-validation (tune focus, question-type, confidence, story-word, partly-named-focus, topic-line, specific-name and number weights on one half by {study.Measure.Name}, measure on the other):");
            foreach (var fold in study.Folds)
            {
                var ties = fold.Chosen.Count == 1 ? string.Empty : string.Create(c, $" (first of {fold.Chosen.Count} tied settings; figures are their mean)");
                text.AppendLine(string.Create(c,
                    $"  {fold.Label}: {fold.Chosen[0].Describe()}{ties} -> held-out avgScore {fold.AvgScore:F3}, condensed {fold.CondensedAvgScore:F3}"));
            }

            text.AppendLine(string.Create(c, $"  cross-validated over all {study.Questions} questions: avgScore {study.AvgScore:F3}, condensed avgScore {study.CondensedAvgScore:F3}"));
        }

        return text.ToString();
    }
}
