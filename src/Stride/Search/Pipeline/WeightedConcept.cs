namespace Stride.Search.Pipeline;

/// <summary>A query word with its weight and the index words that may stand for it.</summary>
/// <param name="Term">The word as analysed (stemmed).</param>
/// <param name="Alternatives">Index words that may stand for it: synonyms, acronym expansions or typo corrections.</param>
/// <param name="Weight">Its idf weight, times how much it counts (story words, numbers and guesses count less).</param>
/// <param name="Corrected">True when the word itself is a typo and only its corrections count.</param>
/// <param name="Unknown">True when no entry uses the word or anything standing for it.</param>
internal sealed record WeightedConcept(string Term, IReadOnlyList<string> Alternatives, double Weight, bool Corrected, bool Unknown = false)
{
    /// <summary>How much the word counts in the BM25 query: less when only the story around the question uses it.</summary>
    public double Boost { get; init; } = 1.0;

    /// <summary>How much an alternative counts when the word itself is absent (a synonym's or a correction's strength).</summary>
    public double AlternativeStrength { get; init; } = 1.0;

    /// <summary>1 when the word itself is present; <see cref="AlternativeStrength"/> when only an alternative is.</summary>
    public double MatchStrength(IReadOnlySet<string> terms)
    {
        if (!Corrected && terms.Contains(Term))
        {
            return 1.0;
        }

        return Alternatives.Any(terms.Contains) ? AlternativeStrength : 0.0;
    }

    /// <summary>How much one index word counts for this concept (0 when it does not stand for it).</summary>
    public double Strength(string term) =>
        !Corrected && term == Term ? 1.0 : Alternatives.Contains(term) ? AlternativeStrength : 0.0;
}
