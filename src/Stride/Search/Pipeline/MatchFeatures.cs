namespace Stride.Search.Pipeline;

/// <summary>How well one candidate matches a query, each measure in 0..1 unless said otherwise.</summary>
/// <param name="QuestionSimilarity">Best idf-weighted cosine between the asked words and the entry's question or an alternate.</param>
/// <param name="StoredQuestionCoverage">Share of a stored question's words the message asks about (0 when its weight is 0).</param>
/// <param name="Coverage">Share of the query's (idf-weighted) words the entry contains.</param>
/// <param name="Evidence">Idf weight of the query words the entry matches, scaled (see <see cref="SearchOptions.EvidenceWords"/>).</param>
/// <param name="FocusStrength">How clearly the message names the entry's condition or drug (0 when it does not).</param>
/// <param name="Penalty">Score multiplier for the entry's quality and for a focus the message names only in part.</param>
/// <param name="TypeAgrees">True when the entry is of a kind of answer the message wants.</param>
/// <param name="TopicFocus">True when the entry is about a condition or drug the message's topic line names.</param>
/// <param name="Dense">Embedding similarity (cosine) of message and entry; null when semantic search is off.</param>
internal sealed record MatchFeatures(
    double QuestionSimilarity,
    double StoredQuestionCoverage,
    double Coverage,
    double Evidence,
    double FocusStrength,
    double Penalty,
    bool TypeAgrees,
    bool TopicFocus,
    double? Dense = null);
