namespace Stride.Search.Pipeline;

/// <summary>
/// How likely an entry answers the question, 0..1 and comparable across queries: a logistic function of measures of
/// the match itself (not of the BM25 score, whose scale changes with every query), so a threshold means the same for
/// every question. The coefficients are in <see cref="SearchOptions"/> (fitted as docs/search.md describes).
/// </summary>
internal sealed class ConfidenceModel
{
    private readonly SearchOptions _options;

    /// <summary>Uses the coefficients of <paramref name="options"/>.</summary>
    public ConfidenceModel(SearchOptions options) => _options = options;

    /// <summary>
    /// The fitted model's probability that the entry answers, times its penalty: from words only, or, when the match
    /// has an embedding similarity (semantic search on), from the model fitted with it as well.
    /// </summary>
    public double Fitted(MatchFeatures match)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (match.Dense is { } dense)
        {
            return match.Penalty * Logistic(
                (_options.SemanticConfidenceSimilarityCoefficient * match.QuestionSimilarity)
                + (_options.SemanticConfidenceCoverageCoefficient * match.Coverage)
                + (_options.SemanticConfidenceEvidenceCoefficient * match.Evidence)
                + (_options.SemanticConfidenceDenseCoefficient * dense)
                + _options.SemanticConfidenceIntercept);
        }

        return match.Penalty * Logistic(
            (_options.ConfidenceSimilarityCoefficient * match.QuestionSimilarity)
            + (_options.ConfidenceCoverageCoefficient * match.Coverage)
            + (_options.ConfidenceEvidenceCoefficient * match.Evidence)
            + _options.ConfidenceIntercept);
    }

    /// <summary>
    /// The confidence shown: the fitted model's, but at least <see cref="SearchOptions.NamedFocusConfidence"/> (times how
    /// clearly it is named) for an entry about a condition or drug the message names. The fitted model reads words
    /// only; such an entry is on the subject however differently the message words it ("methylprednisolole unable to
    /// find info on this med"), so it is shown rather than "no good answer".
    /// </summary>
    public double Confidence(MatchFeatures match, double fitted)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Math.Max(fitted, match.Penalty * _options.NamedFocusConfidence * match.FocusStrength);
    }

    /// <summary>
    /// The fitted model's share of the order for a message of <paramref name="wordCount"/> words. It was fitted on
    /// short questions; for long messages the stored-question coverage takes over, so this share fades out as that
    /// weight fades in (see <see cref="MessageLength"/>).
    /// </summary>
    public double RankShare(int wordCount) => _options.ConfidenceRankWeight * (1 - MessageLength.LongShare(_options, wordCount));

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
