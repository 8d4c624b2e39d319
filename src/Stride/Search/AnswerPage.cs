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
public sealed record AnswerPage(string Query, TriageResult Triage, bool NoGoodAnswer, IReadOnlyList<SearchHit> Answers, IReadOnlyList<RelatedGroup> Related);

/// <summary>Related questions of one topic.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Entries">The entries, best first.</param>
public sealed record RelatedGroup(string Topic, IReadOnlyList<KbEntry> Entries);
