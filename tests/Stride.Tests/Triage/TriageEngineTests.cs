using Stride.Triage;

namespace Stride.Tests.Triage;

public sealed class TriageEngineTests(TriageFixture triage) : IClassFixture<TriageFixture>
{
    private TriageLevel Level(string text) => triage.Engine.Triage(text).Level;

    [Theory]
    [InlineData("i cant pee and my back is killing me")]
    [InlineData("since this morning I cannot feel it when I wipe")]
    [InlineData("my back hurts and I wet myself on the way to the toilet")]
    [InlineData("both legs have gone weak and tingly")]
    [InlineData("back pain with chest pain and sweating")]
    [InlineData("fell off a ladder this morning and now my back hurts")]
    public void Cauda_equina_and_other_emergencies_are_emergencies(string text) => Assert.Equal(TriageLevel.Emergency, Level(text));

    [Theory]
    [InlineData("no numbness down below and I can still pee fine")]
    [InlineData("I don't have any weakness in my legs")]
    [InlineData("denies fever, bladder and bowels are fine")]
    [InlineData("not any trouble peeing")]
    public void Negated_signs_do_not_count(string text) => Assert.Equal(TriageLevel.Selfcare, Level(text));

    [Fact]
    public void A_negation_does_not_reach_past_a_comma_or_but()
    {
        Assert.Equal(TriageLevel.Emergency, Level("no fever, but I can't pee since last night"));
        Assert.Equal(TriageLevel.Emergency, Level("I dont have leg weakness but I cant wee since last night"));
    }

    [Fact]
    public void Past_signs_that_went_away_do_not_count_but_cancer_history_does()
    {
        Assert.Equal(TriageLevel.Selfcare, Level("I used to have numbness in my leg years ago but it went, now just a stiff back"));
        Assert.Equal(TriageLevel.Urgent, Level("had breast cancer 5 years ago and now new back pain"));
    }

    [Fact]
    public void General_questions_are_not_symptom_reports()
    {
        Assert.Equal(TriageLevel.Selfcare, Level("what are the signs of cauda equina?"));
        Assert.Equal(TriageLevel.Selfcare, Level("can a slipped disc make you unable to pee?"));
        Assert.Equal(TriageLevel.Emergency, Level("I can't pee properly since yesterday, is that cauda equina?"));
    }

    [Theory]
    [InlineData("I pee a lot at night", TriageLevel.Selfcare)]
    [InlineData("numb bum from sitting on a long drive, goes when I stand", TriageLevel.Selfcare)]
    [InlineData("numb bum and inner thighs with back pain since this morning", TriageLevel.Emergency)]
    [InlineData("my leg feels heavy and tired after a long walk", TriageLevel.Selfcare)]
    [InlineData("one leg went weak and keeps giving way", TriageLevel.Urgent)]
    public void Look_alikes_are_told_apart(string text, TriageLevel expected) => Assert.Equal(expected, Level(text));

    [Theory]
    [InlineData("leaning forward on a trolley eases my back when I walk")]
    [InlineData("I get sweaty walking uphill")]
    [InlineData("no left-leg weakness, just an ache")]
    [InlineData("my back feels crushed after a long day")]
    public void Real_words_one_letter_away_from_a_red_flag_are_not_red_flags(string text) =>
        Assert.True(Level(text) < TriageLevel.Urgent, $"'{text}' -> {Level(text)}");

    [Theory]
    [InlineData("cant controll my bladdr and my back hurts")]
    [InlineData("numbnes around my privates")]
    [InlineData("CAN'T FEEL ANYTHING WHEN I WIPE")]
    [InlineData("tingleing in both legs")]
    public void Misspellings_and_shouting_still_match(string text) => Assert.Equal(TriageLevel.Emergency, Level(text));

    [Theory]
    [InlineData("saddle anaesthesia and back pain since today")]
    [InlineData("saddle anesthesia and back pain since today")]
    public void British_and_American_spellings_both_match(string text) => Assert.Equal(TriageLevel.Emergency, Level(text));

    [Fact]
    public void Reasons_name_the_rule_quote_the_words_and_explain()
    {
        var result = triage.Engine.Triage("Stiff back for a week. Since yesterday I can't pee properly.");
        Assert.Equal(TriageLevel.Emergency, result.Level);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("cauda-equina-bladder", reason.Rule);
        Assert.Equal("can't pee", reason.Evidence);
        Assert.False(string.IsNullOrWhiteSpace(reason.Explanation));
        Assert.Contains("999", result.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_urgent_rule_sets_the_level_and_comes_first()
    {
        var result = triage.Engine.Triage("I have a fever of 39 and since today I can't pee");
        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.Equal(TriageLevel.Emergency, result.Reasons[0].Level);
        Assert.Contains(result.Reasons, r => r.Rule == "fever");
    }

    [Fact]
    public void Plain_back_pain_is_selfcare_with_what_to_watch_for()
    {
        var result = triage.Engine.Triage("my lower back aches after walking the dog");
        Assert.Equal(TriageLevel.Selfcare, result.Level);
        Assert.Empty(result.Reasons);
        Assert.Contains("peeing", result.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_message()
    {
        Assert.NotNull(TriageEngine.Validate(""));
        Assert.NotNull(TriageEngine.Validate("   "));
        Assert.Contains("5000", TriageEngine.Validate(new string('a', 5001)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => triage.Engine.Triage(" "));
    }

    [Theory]
    [InlineData("背中が痛い 🙂 ça fait mal")]
    [InlineData("\u0000\u200b\ud83d\ude00")]
    public void Any_unicode_is_handled(string text) => Assert.Equal(TriageLevel.Selfcare, Level(text));
}
