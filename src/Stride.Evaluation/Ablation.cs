using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Evaluation;

/// <summary>One row of the ablation: a ranking step and the figures of the ranking with it and every step before.</summary>
/// <param name="Name">What the step adds.</param>
/// <param name="Metrics">The figures with the lower grade for duplicated judgments.</param>
public sealed record AblationRow(string Name, RankingMetrics Metrics);

/// <summary>
/// What each ranking step adds on the same index and questions: plain BM25 first, then Stride with its analysis
/// switched on one part at a time, in the order the parts were made, ending with Stride's defaults.
/// </summary>
public sealed class Ablation
{
    /// <summary>The plain BM25 baseline's row name.</summary>
    public const string BaselineStep = "plain BM25 (focus + question + answer)";

    /// <summary>Stride's steps: level n has the first n + 1 of them on.</summary>
    public static IReadOnlyList<string> Steps { get; } =
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

    /// <summary>The row of dense retrieval alone (with entry vectors only).</summary>
    public const string DenseStep = "dense alone (cosine over entry vectors)";

    /// <summary>The row of BM25 and dense candidates fused, reranked by similarity without Stride's other steps.</summary>
    public const string FusedStep = "BM25 + dense, fused and reranked (no rules)";

    /// <summary>The row of Stride with semantic search on (the hybrid).</summary>
    public const string HybridStep = "hybrid: Stride + dense (semantic on)";

    private readonly SearchIndex _index;
    private readonly KnowledgeBase _knowledgeBase;
    private readonly EntryVectors? _vectors;

    /// <summary>
    /// An ablation over <paramref name="index"/>, with the baseline over <paramref name="knowledgeBase"/> (the collection
    /// the index holds); with <paramref name="vectors"/>, also dense retrieval alone, fused without rules, and the hybrid.
    /// </summary>
    public Ablation(SearchIndex index, KnowledgeBase knowledgeBase, EntryVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _index = index;
        _knowledgeBase = knowledgeBase;
        _vectors = vectors;
    }

    /// <summary>
    /// Stride's search options at <paramref name="level"/> (0 to <c>Steps.Count - 1</c>): the parts of the first
    /// level + 1 steps as in the defaults, the later ones switched off. The last level is the defaults.
    /// </summary>
    public static SearchOptions OptionsAt(int level, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Steps.Count);
        var full = new SearchOptions();
        return new SearchOptions
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
    }

    /// <summary>
    /// The hybrid without Stride's ranking rules: BM25 and dense candidates fused, reranked by similarity, coverage and
    /// confidence only (level 1), with the semantic settings of <paramref name="semantic"/>.
    /// </summary>
    public static SearchOptions FusedWithoutRules(SearchOptions semantic, int depth)
    {
        ArgumentNullException.ThrowIfNull(semantic);
        var fused = OptionsAt(1, depth);
        fused.Semantic = true;
        fused.SemanticAnswerWords = semantic.SemanticAnswerWords;
        fused.SemanticLargeCollectionAnswerWords = semantic.SemanticLargeCollectionAnswerWords;
        fused.SemanticLargeCollectionEntries = semantic.SemanticLargeCollectionEntries;
        fused.SemanticCandidateCount = semantic.SemanticCandidateCount;
        fused.SemanticFusionK = semantic.SemanticFusionK;
        fused.SemanticFusionWeight = semantic.SemanticFusionWeight;
        fused.SemanticSimilarityWeight = semantic.SemanticSimilarityWeight;
        return fused;
    }

    /// <summary>Asks the questions of the baseline and of every level, and scores each run against <paramref name="qrels"/>.</summary>
    public IReadOnlyList<AblationRow> Run(LiveQaAsker asker, Qrels qrels)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(qrels);
        var rows = new List<AblationRow>();
        using (var baseline = new PlainBm25Baseline(_knowledgeBase))
        {
            rows.Add(new AblationRow(BaselineStep, Score(asker.Ask(Rankers.Bm25(baseline, asker.Depth)))));
        }

        for (var level = 0; level < Steps.Count; level++)
        {
            var searcher = new Searcher(_index, Options.Create(OptionsAt(level, asker.Depth)));
            rows.Add(new AblationRow(Steps[level], Score(asker.Ask(Rankers.Stride(searcher)))));
        }

        if (_vectors is not null)
        {
            rows.Add(new AblationRow(DenseStep, Score(asker.Ask(Rankers.Dense(_index, _vectors, asker.Depth)))));
            rows.Add(new AblationRow(FusedStep, Score(asker.Ask(Rankers.Stride(new Searcher(_index, Options.Create(FusedWithoutRules(new SearchOptions(), asker.Depth)), _vectors))))));
            var hybrid = OptionsAt(Steps.Count - 1, asker.Depth);
            hybrid.Semantic = true;
            rows.Add(new AblationRow(HybridStep, Score(asker.Ask(Rankers.Stride(new Searcher(_index, Options.Create(hybrid), _vectors))))));
        }

        return rows;

        RankingMetrics Score(LiveQaRun run) => RankingMetrics.Compute(asker.QuestionIds, run.AnswerIds(), qrels);
    }

    /// <summary>The rows as the table <c>stride eval liveqa --ablation</c> prints, starting with a blank line.</summary>
    public static string Report(IReadOnlyList<AblationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Ablation (same index, same questions; lower grade for duplicates):");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {"step",-46} {"avgScore",9} {"succ2",7} {"MAP@10",7} {"nDCG@10",8} {"cond.avg",9} {"unj@1",6}"));
        foreach (var (name, m) in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-46} {m.AvgScore,9:F3} {m.Succ2,7:F3} {m.Map10,7:F3} {m.Ndcg10,8:F3} {m.CondensedAvgScore,9:F3} {m.Unjudged1,6:F3}"));
        }

        return text.ToString();
    }
}
