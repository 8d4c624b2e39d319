namespace Stride.Search;

/// <summary>Settings of search and ranking; bind them with <c>IOptions&lt;SearchOptions&gt;</c> in hosts.</summary>
public sealed class SearchOptions
{
    /// <summary>How many BM25 candidates the reranker looks at.</summary>
    public int CandidateCount { get; set; } = 50;

    /// <summary>Below this confidence the page says there is no good answer instead of guessing.</summary>
    public double NoAnswerThreshold { get; set; } = 0.35;

    /// <summary>Entries below this confidence are not offered as related questions.</summary>
    public double RelatedThreshold { get; set; } = 0.2;

    /// <summary>At most this many related questions, across all topics.</summary>
    public int MaxRelated { get; set; } = 8;

    /// <summary>BM25 boost of the stored question.</summary>
    public float QuestionBoost { get; set; } = 4f;

    /// <summary>BM25 boost of the alternate phrasings.</summary>
    public float AlternatesBoost { get; set; } = 3f;

    /// <summary>BM25 boost of the focus (condition or drug) and its synonyms.</summary>
    public float FocusBoost { get; set; } = 2f;

    /// <summary>BM25 boost of the answer text.</summary>
    public float AnswerBoost { get; set; } = 1f;

    /// <summary>How much a synonym counts compared with the word the user typed.</summary>
    public float SynonymWeight { get; set; } = 0.6f;

    /// <summary>Weight of normalised BM25 in the reranking score.</summary>
    public double Bm25Weight { get; set; } = 0.4;

    /// <summary>Weight of question-to-question similarity in the reranking score.</summary>
    public double QuestionSimilarityWeight { get; set; } = 0.4;

    /// <summary>Weight of query coverage in the reranking score.</summary>
    public double CoverageWeight { get; set; } = 0.2;

    /// <summary>Confidence model: logistic over question similarity and coverage, both in 0..1, so it means the same for every query.</summary>
    public double ConfidenceSimilarityCoefficient { get; set; } = 6.0;

    /// <summary>Confidence model: coefficient of query coverage.</summary>
    public double ConfidenceCoverageCoefficient { get; set; } = 5.0;

    /// <summary>Confidence model: intercept.</summary>
    public double ConfidenceIntercept { get; set; } = -6.0;
}
