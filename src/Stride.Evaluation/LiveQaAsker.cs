namespace Stride.Evaluation;

/// <summary>
/// Asks the same LiveQA questions, in the same wording and to the same depth, of any ranker: the one setting every
/// run of an evaluation (headline, ablation steps, cross-validation grid) shares.
/// </summary>
/// <param name="Questions">The questions, in file order.</param>
/// <param name="Variant">Which wording the rankers see.</param>
/// <param name="Depth">How many answers are kept per question.</param>
/// <param name="Progress">How progress is shown while asking.</param>
public sealed record LiveQaAsker(IReadOnlyList<LiveQaQuestion> Questions, LiveQaVariant Variant, int Depth, IAskProgress Progress)
{
    /// <summary>How many answers per question the LiveQA evaluation keeps and ranks (also Stride's candidate count there).</summary>
    public const int DefaultDepth = 100;

    /// <summary>The question ids, in file order.</summary>
    public IReadOnlyList<string> QuestionIds { get; } = [.. Questions.Select(q => q.Id)];

    /// <summary>Asks every question of <paramref name="ranker"/>, showing progress.</summary>
    public LiveQaRun Ask(Func<string, IReadOnlyList<RankedAnswer>> ranker) =>
        Progress.Show(Questions.Count, progress => LiveQaRun.Ask(Questions, ranker, Variant, Depth, progress));

    /// <summary>Asks every question of <paramref name="ranker"/> without showing progress (a second, quick pass over cached searches).</summary>
    public LiveQaRun AskQuietly(Func<string, IReadOnlyList<RankedAnswer>> ranker) => LiveQaRun.Ask(Questions, ranker, Variant, Depth);
}
