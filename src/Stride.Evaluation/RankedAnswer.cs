namespace Stride.Evaluation;

/// <summary>One ranked answer of a run.</summary>
/// <param name="AnswerId">The entry id (the qrels' AnswerID without <c>.txt</c>).</param>
/// <param name="Score">The ranker's score, higher is better.</param>
public sealed record RankedAnswer(string AnswerId, double Score);
