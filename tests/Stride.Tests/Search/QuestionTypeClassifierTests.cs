using Stride.Search;

namespace Stride.Tests.Search;

public class QuestionTypeClassifierTests
{
    [Theory]
    [InlineData("Is it ok to take this even though I am allergic to penicillin?", "precautions")]
    [InlineData("Can I take ibuprofen together with my blood pressure pills?", "interactions with medications")]
    [InlineData("The pharmacy did not refrigerate my nasal spray, is it still good?", "storage and disposal")]
    [InlineData("How do I safely dispose of old pills?", "storage and disposal")]
    [InlineData("Is it safe to have wine with my tablets at dinner?", "dietary")]
    [InlineData("I took 25 iron pills last night, what do I do", "emergency or overdose")]
    [InlineData("What happens if I forgot to take my evening tablet?", "forget a dose")]
    [InlineData("Is there a weaning process when I stop taking it?", "usage")]
    [InlineData("Does this drug work well for a bladder infection?", "how effective is it")]
    [InlineData("How do you catch hepatitis?", "causes")]
    [InlineData("Does the condition get worse over time?", "outlook")]
    [InlineData("Is dementia passed down in families?", "inheritance")]
    [InlineData("Are there any clinical trials for this syndrome?", "research")]
    [InlineData("What are the stages of kidney disease?", "stages")]
    [InlineData("Why should this pill be taken in the evening and not in the morning?", "usage")]
    [InlineData("How long will the tablets stay in my system after the last one?", "usage")]
    [InlineData("Are these withdrawal symptoms from the steroid?", "usage")]
    [InlineData("Does stress contribute to a flare of psoriasis?", "causes")]
    public void Consumer_wording_maps_to_the_section_that_answers_it(string question, string expected)
    {
        Assert.Contains(expected, QuestionTypeClassifier.Classify(question));
    }

    [Theory]
    [InlineData("I have a high temperature and my back aches", "storage and disposal")]
    [InlineData("I sit too much at work, is that why my back hurts?", "emergency or overdose")]
    [InlineData("I work for a delivery firm and walk all day", "how effective is it")]
    [InlineData("Does a lumbar support belt help?", "support groups")]
    [InlineData("The pain is spreading down my leg", "causes")]
    [InlineData("What are the symptoms of shingles?", "dietary")]
    [InlineData("Can I take it with wine?", "storage and disposal")]
    public void Unrelated_wording_does_not_ask_for_a_section(string question, string unexpected)
    {
        Assert.DoesNotContain(unexpected, QuestionTypeClassifier.Classify(question));
    }

    [Fact]
    public void Information_is_wanted_only_when_nothing_more_specific_is()
    {
        Assert.Equal(["information"], QuestionTypeClassifier.Classify("I would like information about sciatica"));
        var types = QuestionTypeClassifier.Classify("I am looking for information on how to prevent shingles");
        Assert.Contains("prevention", types);
        Assert.DoesNotContain("information", types);
    }

    [Fact]
    public void A_question_without_cues_has_no_preference()
    {
        Assert.Empty(QuestionTypeClassifier.Classify("lumbar stenosis walking"));
    }

    [Theory]
    [InlineData("Can a tooth abscess cause a heart attack?", " a heart attack?")]
    [InlineData("NSAIDs as a possible cause of ED", " ED")]
    [InlineData("Is my rash caused by the new soap?", "Is my rash ")]
    [InlineData("Could the swelling be due to my blood pressure pills?", "Could the swelling be ")]
    [InlineData("Is damp housing a cause for asthma in children?", " asthma in children?")]
    [InlineData("Does sitting all day contribute to sciatica?", " sciatica?")]
    public void Cause_cue_says_which_side_names_the_effect(string sentence, string effect)
    {
        var cue = QuestionTypeClassifier.CauseCue(sentence);

        Assert.NotNull(cue);
        var ((start, end), effectBefore) = cue.Value;
        Assert.Equal(effect, effectBefore ? sentence[..start] : sentence[end..]);
    }

    [Fact]
    public void Sentence_without_a_cause_cue_names_no_effect()
    {
        Assert.Null(QuestionTypeClassifier.CauseCue("Why does my back ache after walking?"));
    }
}
