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
    [InlineData("same", "same", 0, true)]
    public void Counts_insertions_deletions_changes_and_swaps(string a, string b, int max, bool expected)
    {
        Assert.Equal(expected, EditDistance.Within(a, b, max));
        Assert.Equal(expected, EditDistance.Within(b, a, max));
    }
}
