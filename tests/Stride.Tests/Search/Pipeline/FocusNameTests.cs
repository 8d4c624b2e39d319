using Stride.Search;

namespace Stride.Tests.Search.Pipeline;

/// <summary>The three jobs of focus lookup, one type each: the names an index holds, finding them, spelling them.</summary>
public sealed class FocusNameTests
{
    private static readonly SearchIndex Pages = PipelineIndexes.Pages;

    private static IReadOnlyList<IReadOnlyList<string>> Positions(string text) => [.. Pages.Analysis.Terms(text).Select(t => (IReadOnlyList<string>)[t])];

    [Fact]
    public void Name_map_holds_each_name_its_leading_words_and_the_acronyms_entries_use()
    {
        var names = Pages.Vocabulary.FocusNames;

        Assert.True(names.IsName("plantar fasciiti"));
        Assert.Equal(["Plantar fasciitis"], names.FocusesNamed("plantar fasciiti"));
        Assert.True(names.IsPrefix("hereditari hypophosphatem"));
        Assert.False(names.IsName("hereditari hypophosphatem"));

        // People name a condition by its specific first word or its last words: "plantar", "hypophosphatemic rickets".
        Assert.True(names.IsName("plantar"));
        Assert.True(names.IsName("hypophosphatem ricket"));
        Assert.Equal(["deep", "vein", "thrombosi"], names.AcronymWords("dvt"));
        Assert.Empty(names.AcronymWords("ha"));
    }

    [Fact]
    public void More_specific_name_is_named_more_strongly()
    {
        var found = Pages.Vocabulary.FocusDetector.Detect(Positions("is hereditary hypophosphatemic rickets inherited"));

        Assert.Equal(1.0, found["Hereditary hypophosphatemic rickets"]);
        Assert.InRange(found["Rickets"], 0.01, 0.99);
    }

    [Fact]
    public void Name_left_without_its_first_words_is_still_found()
    {
        var found = Pages.Vocabulary.FocusDetector.Detect(Positions("my hypophosphatemic rickets"));

        Assert.Contains("Hereditary hypophosphatemic rickets", found.Keys);
    }

    [Fact]
    public void Correction_offered_at_a_position_completes_a_name()
    {
        IReadOnlyList<IReadOnlyList<string>> positions = [["plantar"], ["fasici", "fasciiti"]];

        Assert.Equal(["Plantar fasciitis"], Pages.Vocabulary.FocusDetector.Detect(positions).Keys);
    }

    [Fact]
    public void Misspelt_name_word_is_a_slip_away_from_the_name_as_written()
    {
        var speller = Pages.Vocabulary.FocusSpeller;

        Assert.Equal(["fasciiti"], speller.Spellings("fasiciitis"));
        Assert.Empty(speller.Spellings("fasciitis"));
        Assert.Empty(speller.Spellings("cat"));
    }
}
