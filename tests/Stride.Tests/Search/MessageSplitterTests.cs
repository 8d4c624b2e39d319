using Stride.Search;

namespace Stride.Tests.Search;

public class MessageSplitterTests
{
    [Fact]
    public void Story_sentences_are_told_apart_from_questions()
    {
        var sentences = MessageSplitter.Split(
            "Ear wax. I sometimes put peroxide in my ear and rinse it with warm water after a few minutes. Is there any harm in that? Please tell me what is safe.");

        Assert.Equal(
            [SentenceRole.Topic, SentenceRole.Context, SentenceRole.Question, SentenceRole.Question],
            sentences.Select(s => s.Role).ToArray());
        Assert.Equal("Is there any harm in that?", sentences[2].Text);
    }

    [Theory]
    [InlineData("can arrhythmia come back after ablation", 1)]
    [InlineData("What causes it? Can cousin marriage cause it? What lung problems might the baby have?", 3)]
    [InlineData("I have an infection in my gums...dentist prescribed cephalexin...Is this ok to take if I am allergic to penicillin?", 1)]
    [InlineData("I would like to know if these two drugs interact", 1)]
    [InlineData("My back hurts after walking for twenty minutes.", 0)]
    public void Questions_are_found_however_they_are_written(string message, int expected)
    {
        Assert.Equal(expected, MessageSplitter.Questions(message).Count);
    }

    [Fact]
    public void A_short_opening_about_the_writer_is_story_not_topic()
    {
        Assert.Equal(SentenceRole.Context, MessageSplitter.Split("I walk at lunch. Why does my back ache?")[0].Role);
        Assert.Equal(SentenceRole.Topic, MessageSplitter.Split("Lower back pain. Why does my back ache?")[0].Role);
    }

    [Fact]
    public void A_long_opening_sentence_is_story_not_topic()
    {
        var sentences = MessageSplitter.Split("Worn discs were found on a scan at the clinic last year. Will walking make it worse?");
        Assert.Equal(SentenceRole.Context, sentences[0].Role);
    }

    [Theory]
    [InlineData("When I bend over it hurts.")]
    [InlineData("Had an MRI last year.")]
    [InlineData("Was diagnosed in 2019.")]
    [InlineData("Can't sleep at night.")]
    [InlineData("My GP didn't tell me anything.")]
    [InlineData("I haven't had any advice.")]
    public void Story_that_opens_like_a_question_is_still_story(string sentence)
    {
        Assert.Empty(MessageSplitter.Questions("Lower back pain. " + sentence + " It started in May."));
    }

    [Theory]
    [InlineData("what are the symptoms.")]
    [InlineData("is it safe to keep walking")]
    [InlineData("Could you please tell me what a bundle block is.")]
    [InlineData("Any ideas on exercises.")]
    [InlineData("Could or does heavy lifting cause a slipped disc.")]
    public void Questions_without_a_question_mark_still_count(string sentence)
    {
        Assert.Single(MessageSplitter.Questions("My back hurts. " + sentence));
    }

    [Theory]
    [InlineData("Is heat vs. ice better for a sore back?")]
    [InlineData("Should I take an NSAID, e.g. ibuprofen, before a walk?")]
    [InlineData("Dr. Smith said it was a disc. Is walking safe?")]
    public void Abbreviations_do_not_end_a_sentence(string message)
    {
        Assert.Single(MessageSplitter.Questions(message));
        Assert.DoesNotContain(MessageSplitter.Split(message), s => s.Text.Length <= 4);
    }

    [Fact]
    public void Text_without_letters_is_no_sentence()
    {
        Assert.Empty(MessageSplitter.Split("... ??? 123."));
    }
}
