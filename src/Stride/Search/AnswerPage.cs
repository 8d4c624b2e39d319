using Stride.Knowledge;
using Stride.Triage;

namespace Stride.Search;

/// <summary>
/// Everything Stride shows for one question: the red-flag check first, then the best answers and related questions
/// grouped by topic.
/// </summary>
/// <param name="Query">The question as the user wrote it.</param>
/// <param name="Triage">How urgently the person needs care, from what they wrote.</param>
/// <param name="NoGoodAnswer">True when no entry is confident enough to be shown as an answer.</param>
/// <param name="Answers">The best answers, best first (empty when <paramref name="NoGoodAnswer"/>).</param>
/// <param name="Related">Related questions, grouped by topic in Stride's topic order.</param>
public sealed record AnswerPage(string Query, TriageResult Triage, bool NoGoodAnswer, IReadOnlyList<SearchHit> Answers, IReadOnlyList<RelatedGroup> Related)
{
    /// <summary>
    /// When the message asks several questions, the best answer to each of them in the order asked (empty for a
    /// message with one question): "What causes it? Can cousin marriage cause it?" gets an answer to both.
    /// </summary>
    public IReadOnlyList<QuestionAnswer> EachQuestion { get; init; } = [];
}

/// <summary>One question of a message that asks several, with the best answer to it alone.</summary>
/// <param name="Question">The question sentence as written.</param>
/// <param name="Answer">Its best answer, or null when no entry is confident enough.</param>
public sealed record QuestionAnswer(string Question, SearchHit? Answer);

/// <summary>Related questions of one topic.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Entries">The entries, best first.</param>
public sealed record RelatedGroup(string Topic, IReadOnlyList<KbEntry> Entries);
