using Stride.Search;

namespace Stride.Tests.Search.Pipeline;

public sealed class QueryAnalyzerTests
{
    [Fact]
    public void Story_words_weigh_less_than_the_words_of_the_question()
    {
        var query = PipelineIndexes.Analyzer(PipelineIndexes.OwnKb).Analyse("I carried heavy boxes at work all week. Why does my lower back hurt when I walk?");

        Assert.Equal(0.5, query.Concepts.Single(c => c.Term == "box").Boost);
        Assert.Equal(1.0, query.Concepts.Single(c => c.Term == "walk").Boost);
        Assert.DoesNotContain(query.Asked, c => c.Term == "box");
    }

    [Fact]
    public void Every_word_counts_alike_when_story_words_are_not_told_apart()
    {
        var options = new SearchOptions { ContextWordWeight = 1.0 };
        var query = PipelineIndexes.Analyzer(PipelineIndexes.OwnKb, options).Analyse("I carried heavy boxes at work all week. Why does my lower back hurt when I walk?");

        Assert.All(query.Concepts, c => Assert.Equal(1.0, c.Boost));
    }

    [Fact]
    public void Misspelt_word_is_searched_as_its_correction()
    {
        var query = PipelineIndexes.Analyzer(PipelineIndexes.OwnKb).Analyse("lowr back kills me every time i walk to the shops");

        var typo = query.Concepts.Single(c => c.Term == "lowr");
        Assert.True(typo.Corrected);
        Assert.Contains("lower", typo.Alternatives);
    }

    [Fact]
    public void Kind_of_answer_wanted_comes_from_the_question_not_the_story()
    {
        var query = PipelineIndexes.Analyzer(PipelineIndexes.OwnKb).Analyse("My doctor wants to treat it with surgery. Why does my back hurt when I walk?");

        Assert.Contains("causes", query.WantedTypes);
        Assert.DoesNotContain("treatment", query.WantedTypes);
    }

    [Fact]
    public void X_cause_Y_names_Y_as_the_effect()
    {
        var query = PipelineIndexes.Analyzer(PipelineIndexes.Pages).Analyse("Can a tooth abscess cause a heart attack?");

        Assert.Equal(["Heart attack"], query.Effects);
        Assert.True(query.Wants(PipelineIndexes.Pages.Entry("ha-1")));
        Assert.False(query.Wants(PipelineIndexes.Pages.Entry("ab-1")));
    }

    [Fact]
    public void Topic_line_names_the_message_s_subject()
    {
        var query = PipelineIndexes.Analyzer(PipelineIndexes.Pages).Analyse("Amlodipine. I started a new pill last month and feel dizzy. Should I take it at night?");

        Assert.Contains("Amlodipine", query.TopicFocuses);
        Assert.Equal(1.0, query.FocusStrength(PipelineIndexes.Pages.Entry("am-1")));
    }

    [Fact]
    public void Single_letters_alone_are_nothing_to_search_for()
    {
        var analyzer = PipelineIndexes.Analyzer(PipelineIndexes.OwnKb);

        Assert.False(analyzer.Analyse("x").IsSearchable);
        Assert.True(analyzer.Analyse("vitamin d").IsSearchable);
    }
}
