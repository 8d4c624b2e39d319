using System.Globalization;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Stride.Evaluation;
using Stride.Knowledge;
using Stride.Search;

namespace Stride.Cli.Commands;

/// <summary>
/// Studies behind the LiveQA figures: what each ranking step adds (ablation), and weights chosen by 2-fold
/// cross-validation so that no reported figure comes from weights tuned on the questions it is measured on.
/// </summary>
internal static class LiveQaStudies
{
    public static void Ablation(TextWriter output, IAnsiConsole console, SearchIndex index, KnowledgeBase kb, IReadOnlyList<LiveQaQuestion> questions,
        LiveQaVariant variant, Qrels qrels, int depth)
    {
        var ids = questions.Select(q => q.Id).ToList();
        var steps = new List<(string Name, Func<string, IReadOnlyList<RankedAnswer>> Ranker)>();
        var baseline = new PlainBm25Baseline(kb);
        steps.Add(("plain BM25 (focus + question + answer)", LiveQaRunner.Bm25(baseline, depth)));
        var full = new SearchOptions();

        // Each step adds one part of the analysis to those before it: level n has the first n parts on.
        string[] parts =
        [
            "+ field boosts, synonyms, typos, focus lookup",
            "+ question similarity, coverage, confidence",
            "+ question type (weight, first within focus)",
            "+ partly named focus weighs less",
            "+ questions weigh more than story",
            "+ topic line's focus",
            "+ 'X cause Y' wants Y's causes",
            "+ narrower form has the kind asked",
            "+ common-word names count less",
            "+ catch-all sections last",
            "+ numbers outside names count less (= Stride)",
        ];
        SearchOptions Level(int level) => new()
        {
            CandidateCount = depth,
            QuestionSimilarityWeight = level >= 1 ? full.QuestionSimilarityWeight : 0,
            CoverageWeight = level >= 1 ? full.CoverageWeight : 0,
            ConfidenceRankWeight = level >= 1 ? full.ConfidenceRankWeight : 0,
            QuestionCoverageWeight = level >= 1 ? full.QuestionCoverageWeight : 0,
            QuestionTypeWeight = level >= 2 ? full.QuestionTypeWeight : 0,
            WantedTypeFirstWithinFocus = level >= 2 && full.WantedTypeFirstWithinFocus,
            PartlyNamedFocusWeight = level >= 3 ? full.PartlyNamedFocusWeight : 1.0,
            ContextWordWeight = level >= 4 ? full.ContextWordWeight : 1.0,
            TopicFocusWeight = level >= 5 ? full.TopicFocusWeight : 0,
            CauseNamesEffect = level >= 6 && full.CauseNamesEffect,
            NarrowerFocusForWantedType = level >= 7 && full.NarrowerFocusForWantedType,
            SpecificNameShare = level >= 8 ? full.SpecificNameShare : 0,
            CatchAllTypes = level >= 9 ? full.CatchAllTypes : [],
            NumberWeight = level >= 10 ? full.NumberWeight : 1.0,
        };
        steps.AddRange(parts.Select((name, level) => (name, Ranker(index, Level(level)))));

        output.WriteLine();
        output.WriteLine("Ablation (same index, same questions; lower grade for duplicates):");
        output.WriteLine($"  {"step",-46} {"avgScore",9} {"succ2",7} {"MAP@10",7} {"nDCG@10",8} {"cond.avg",9} {"unj@1",6}");
        foreach (var (name, ranker) in steps)
        {
            var run = LiveQaCommand.Ask(console, questions, ranker, variant);
            var m = RankingMetrics.Compute(ids, ToIds(run), qrels);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-46} {m.AvgScore,9:F3} {m.Succ2,7:F3} {m.Map10,7:F3} {m.Ndcg10,8:F3} {m.CondensedAvgScore,9:F3} {m.Unjudged1,6:F3}"));
        }

        baseline.Dispose();
    }

    public static void CrossValidate(TextWriter output, IAnsiConsole console, SearchIndex index, IReadOnlyList<LiveQaQuestion> questions,
        LiveQaVariant variant, Qrels qrels, int depth)
    {
        // A small grid keeps the study to a few minutes; earlier wider grids (focus up to 1.0, type 0, question-only
        // weight 0.85, asked-coverage 0.3) never won.
        double[] focusWeights = [0, 0.3];
        double[] typeWeights = [0.2, 0.4];
        double[] confidenceWeights = [0, 0.5];
        double[] contextWeights = [0.5, 0.75, 1.0];
        double[] partlyNamedWeights = [0.5, 1.0];
        double[] topicWeights = [0, 0.2];
        double[] specificShares = [0, 0.6];
        double[] numberWeights = [0.3, 1.0];
        var grid = (from f in focusWeights
                    from t in typeWeights
                    from c in confidenceWeights
                    from q in contextWeights
                    from p in partlyNamedWeights
                    from l in topicWeights
                    from n in specificShares
                    from d in numberWeights
                    select (f, t, c, q, p, l, n, d)).ToList();

        // One run per setting over all questions; folds are then scored separately (questions do not affect each other).
        var runs = grid.ToDictionary(g => g, g => ToIds(LiveQaCommand.Ask(console, questions, Ranker(index, new SearchOptions
        {
            CandidateCount = depth,
            FocusWeight = g.f,
            QuestionTypeWeight = g.t,
            ConfidenceRankWeight = g.c,
            ContextWordWeight = g.q,
            PartlyNamedFocusWeight = g.p,
            TopicFocusWeight = g.l,
            SpecificNameShare = g.n,
            NumberWeight = g.d,
        }), variant)));

        var odd = questions.Where(q => Number(q.Id) % 2 == 1).Select(q => q.Id).ToList();
        var even = questions.Where(q => Number(q.Id) % 2 == 0).Select(q => q.Id).ToList();
        foreach (var (measure, pick) in new (string, Func<RankingMetrics, double>)[] { ("avgScore", m => m.AvgScore), ("condensed avgScore", m => m.CondensedAvgScore) })
        {
            output.WriteLine();
            output.WriteLine($"2-fold cross-validation (tune focus, question-type, confidence, story-word, partly-named-focus, topic-line, specific-name and number weights on one half by {measure}, measure on the other):");
            double heldOutSum = 0, heldOutCondensedSum = 0;
            foreach (var (tune, test, label) in new[] { (odd, even, "tuned on odd TQn, measured on even"), (even, odd, "tuned on even TQn, measured on odd") })
            {
                // Settings that tie on the tuning half are equally good picks; which one the grid lists first says
                // nothing, so the held-out figures are the mean over all of them (a tie broken at random, on average).
                var tuned = grid.Select(g => (Setting: g, Score: pick(RankingMetrics.Compute(tune, runs[g], qrels)))).ToList();
                var top = tuned.Max(t => t.Score);
                var best = tuned.Where(t => t.Score >= top - 1e-9).Select(t => t.Setting).ToList();
                var heldOut = best.Select(g => RankingMetrics.Compute(test, runs[g], qrels)).ToList();
                var (avg, condensed) = (heldOut.Average(m => m.AvgScore), heldOut.Average(m => m.CondensedAvgScore));
                heldOutSum += avg * test.Count;
                heldOutCondensedSum += condensed * test.Count;
                var first = best[0];
                var ties = best.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (first of {best.Count} tied settings; figures are their mean)");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label}: focus {first.f}, type {first.t}, confidence {first.c}, story words {first.q}, partly named {first.p}, topic line {first.l}, specific names {first.n}, numbers {first.d}{ties} -> held-out avgScore {avg:F3}, condensed {condensed:F3}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cross-validated over all {questions.Count} questions: avgScore {heldOutSum / questions.Count:F3}, condensed avgScore {heldOutCondensedSum / questions.Count:F3}"));
        }
    }

    private static Func<string, IReadOnlyList<RankedAnswer>> Ranker(SearchIndex index, SearchOptions options) =>
        LiveQaRunner.Stride(new Searcher(index, Options.Create(options)));

    internal static Dictionary<string, IReadOnlyList<string>> ToIds(IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> run) =>
        run.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value.Select(a => a.AnswerId)], StringComparer.Ordinal);

    private static int Number(string id) => int.Parse(id.AsSpan(2), CultureInfo.InvariantCulture);
}
