using Stride.Knowledge;

namespace Stride.Search.Pipeline;

/// <summary>
/// What a message asks, as the rest of the pipeline reads it: its words weighted, the conditions or drugs it names,
/// and the kinds of answer it wants. Built by <see cref="QueryAnalyzer"/>; never changed afterwards.
/// </summary>
/// <param name="Concepts">Every word of the message, weighted (typos fixed, story words weighing less).</param>
/// <param name="Asked">
/// The words of the message's questions, which stored questions are compared with ("my dentist prescribed it ... is it
/// ok if I am allergic?" is not "Why is it prescribed?"); all the words when the questions have none the index knows.
/// </param>
/// <param name="AskedTerms">Every index word <paramref name="Asked"/> stands for, with how strongly.</param>
/// <param name="MessageTerms">Every index word <paramref name="Concepts"/> stands for, with how strongly.</param>
/// <param name="Focuses">The conditions or drugs the message names, with how clearly (0..1).</param>
/// <param name="TopicFocuses">Those its opening topic line names ("Amlodipine", "Ear wax.").</param>
/// <param name="WantedTypes">The kinds of answer (MedQuAD question types) it asks for; empty for no preference.</param>
/// <param name="Effects">The conditions or drugs it names as an effect ("can a tooth abscess cause a heart attack").</param>
internal sealed record AnalysedQuery(
    IReadOnlyList<WeightedConcept> Concepts,
    IReadOnlyList<WeightedConcept> Asked,
    IReadOnlyDictionary<string, double> AskedTerms,
    IReadOnlyDictionary<string, double> MessageTerms,
    IReadOnlyDictionary<string, double> Focuses,
    IReadOnlySet<string> TopicFocuses,
    IReadOnlyList<string> WantedTypes,
    IReadOnlySet<string> Effects)
{
    /// <summary>
    /// False when there is nothing to search for. Single letters count next to words ("hepatitis c", "vitamin d") but
    /// are no question on their own ("é", "x").
    /// </summary>
    public bool IsSearchable => !Concepts.All(c => c.Term.Length < 2);

    /// <summary>
    /// Cosine similarity of the message's embedding with each entry's, by document; null when semantic search is off.
    /// </summary>
    public float[]? Dense { get; init; }

    /// <summary>How clearly the message names the entry's condition or drug (0 when it does not).</summary>
    public double FocusStrength(KbEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Focus is not null && Focuses.TryGetValue(entry.Focus, out var strength) ? strength : 0.0;
    }

    /// <summary>
    /// True when the entry is of a kind of answer the message wants. "Causes" is about the effect when the message says
    /// which one: "can a tooth abscess cause a heart attack" wants the causes of heart attacks, not of abscesses.
    /// </summary>
    public bool Wants(KbEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.QuestionType is { } type && WantedTypes.Contains(type)
            && (type != MedQuadSections.Causes || Effects.Count == 0 || (entry.Focus is not null && Effects.Contains(entry.Focus)));
    }
}
