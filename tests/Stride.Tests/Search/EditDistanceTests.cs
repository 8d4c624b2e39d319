using Stride.Search;

namespace Stride.Tests.Search;

public class EditDistanceTests
{
    [Theory]
    [InlineData("fasiciitis", "fasciitis", 1, true)]
    [InlineData("arrhthmia", "arrhythmia", 1, true)]
    [InlineData("diahrrea", "diarrhea", 1, false)]
    [InlineData("diahrrea", "diarrhea", 2, true)]
    [InlineData("wieddeman", "wiedemann", 2, true)]
    [InlineData("leaking", "leaning", 0, false)]
    [InlineData("ab", "ba", 1, true)]
    [InlineData("", "abc", 2, false)]
    [InlineData("", "ab", 2, true)]
    [InlineData("abcdef", "uvwxyz", 2, false)]
    [InlineData("same", "same", 0, true)]
    public void Counts_insertions_deletions_changes_and_swaps(string a, string b, int max, bool expected)
    {
        Assert.Equal(expected, EditDistance.Within(a, b, max));
        Assert.Equal(expected, EditDistance.Within(b, a, max));
    }

    [Fact]
    public void Gives_up_with_max_plus_one_once_the_limit_is_passed()
    {
        Assert.Equal(3, EditDistance.Compute("abcdef", "uvwxyz", 2));
        Assert.Equal(1, EditDistance.Compute("fasiciitis", "fasciitis", 2));
    }
}
