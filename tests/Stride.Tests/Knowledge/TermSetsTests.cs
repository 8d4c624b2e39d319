using CsCheck;
using Stride.Knowledge;

namespace Stride.Tests.Knowledge;

public sealed class TermSetsTests
{
    /// <summary>The search's near-duplicate filter relies on the shortcut giving exactly what the full count gives.</summary>
    [Fact]
    public void AtLeast_answers_exactly_as_comparing_the_full_jaccard_with_the_threshold()
    {
        // Small vocabularies, so sets overlap often; thresholds include the filter's own and the edges 0 and 1.
        var words = Gen.Int[0, 12].Select(i => "w" + i).HashSet[0, 13];
        var threshold = Gen.OneOf(Gen.Double[0, 1], Gen.OneOf<double>(0.0, 0.6, 0.8, 0.85, 1.0, 0.5, 1.0 / 3));
        Gen.Select(words, words, threshold).Sample((a, b, t) =>
            TermSets.AtLeast(a, b, t) == (Jaccard(a, b) >= t), iter: 5000);
    }

    [Theory]
    [InlineData("a b c d", "a b c d", 1.0, true)]
    [InlineData("a b c d", "a b c e", 0.6, true)]
    [InlineData("a b c d", "a b c e", 0.61, false)]
    [InlineData("a", "a b c d e f", 0.2, false)]
    [InlineData("", "", 0.0, true)]
    [InlineData("", "a", 0.5, false)]
    public void AtLeast_compares_shared_words_over_all_words(string a, string b, double threshold, bool expected) =>
        Assert.Equal(expected, TermSets.AtLeast(Set(a), Set(b), threshold));

    // The definition, counted in full: the reference the shortcut must agree with.
    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> Set(string words) => [.. words.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
