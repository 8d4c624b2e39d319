using Stride.Triage;

namespace Stride.Tests.Triage;

/// <summary>
/// What the rules of kb/triage-rules.yaml decide, read by the engine without the second readers (those have their own
/// tests in <see cref="WordReaderTests"/>; the vignette sets measure the two together).
/// </summary>
public sealed class TriageEngineTests(TriageFixture fixture) : IClassFixture<TriageFixture>
{
    private readonly TriageEngine engine = new(fixture.Engine.Rules);

    private TriageLevel Level(string text) => engine.Triage(text).Level;

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
    [InlineData("i have collapsed arches, could that cause back ache on walks?", TriageLevel.Selfcare)]
    [InlineData("my mum collapsed in the kitchen and now her back hurts", TriageLevel.Emergency)]
    [InlineData("dad has had back ache, just found him on the floor gasping for breath", TriageLevel.Emergency)]
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

    [Theory]
    [InlineData("back agony n cnt pee since this morning", "cauda-equina-bladder", "cnt pee")]
    [InlineData("my back flares up over n over", "keeps-coming-back", "over n over")]
    public void Phone_shorthand_is_read_as_the_words_it_stands_for_and_quoted_as_typed(string text, string rule, string evidence)
    {
        var reason = engine.Triage(text).Reasons[0];
        Assert.Equal(rule, reason.Rule);
        Assert.Equal(evidence, reason.Evidence);
    }

    [Fact]
    public void Reasons_name_the_rule_quote_the_words_and_explain()
    {
        var result = engine.Triage("Stiff back for a week. Since yesterday I can't pee properly.");
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
        var result = engine.Triage("I have a fever of 39 and since today I can't pee");
        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.Equal(TriageLevel.Emergency, result.Reasons[0].Level);
        Assert.Contains(result.Reasons, r => r.Rule == "fever");
    }

    [Fact]
    public void Plain_back_pain_is_selfcare_with_what_to_watch_for()
    {
        var result = engine.Triage("my lower back aches after walking the dog");
        Assert.Equal(TriageLevel.Selfcare, result.Level);
        Assert.Empty(result.Reasons);
        Assert.Contains(result.EmergencyChecklist, c => c.Contains("pee", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_clear_message()
    {
        Assert.NotNull(TriageEngine.Validate(""));
        Assert.NotNull(TriageEngine.Validate("   "));
        Assert.Contains("5000", TriageEngine.Validate(new string('a', 5001)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => engine.Triage(" "));
    }

    [Theory]
    [InlineData("背中が痛い 🙂 ça fait mal")]
    [InlineData("\u0000\u200b\ud83d\ude00")]
    public void Any_unicode_is_handled(string text) => Assert.Equal(TriageLevel.Selfcare, Level(text));

    [Theory]
    [InlineData("my dad cant feel his bits and his back is bad")]
    [InlineData("my wife peed her pants on the way to the loo, her back has been agony since tuesday")]
    [InlineData("grandad came off his motorbike at 40mph and his back hurts")]
    [InlineData("my 15 year old says both his legs feel like jelly since the match")]
    [InlineData("she is 30 weeks pregnant, backache, and the baby has hardly moved today")]
    [InlineData("his foot went ice cold and white an hour ago, he has had back pain for ages")]
    [InlineData("I've been having thoughts of ending my life because of this back pain")]
    public void Red_flags_count_whoever_has_them_and_however_they_are_said(string text) => Assert.Equal(TriageLevel.Emergency, Level(text));

    [Theory]
    [InlineData("for homework, which conditions cause chest and back pain?")]
    [InlineData("im tearing up about my back, so frustrating")]
    [InlineData("my back is killing me after the gym")]
    [InlineData("what should i do if my legs ever go numb?")]
    [InlineData("had a temperature last week with flu, that's gone now, back a bit stiff")]
    public void Questions_past_signs_and_figures_of_speech_are_not_red_flags(string text) => Assert.Equal(TriageLevel.Selfcare, Level(text));

    [Fact]
    public void Walking_pain_eased_by_sitting_and_by_standing_still_get_different_advice()
    {
        var stenosis = engine.Triage("after 300 yards my legs go heavy and I have to sit on a bench, then I can carry on");
        var circulation = engine.Triage("my calf cramps every time I walk to the shop and it goes if I stand still for a minute");
        Assert.Equal(TriageLevel.Routine, stenosis.Level);
        Assert.Equal(TriageLevel.Routine, circulation.Level);
        Assert.Contains(stenosis.Reasons, r => r.Rule == "walking-eased-by-sitting" && r.Explanation.Contains("stenosis", StringComparison.Ordinal));
        Assert.Contains(circulation.Reasons, r => r.Rule == "walking-eased-by-standing-still" && r.Explanation.Contains("circulation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_first_severe_episode_after_50_is_urgent_and_a_mild_one_routine()
    {
        Assert.Equal(TriageLevel.Urgent, Level("I'm 67 and never had back pain before, now it's agony out of nowhere"));
        Assert.Equal(TriageLevel.Routine, Level("I'm 58 and never had back pain before, just a bit stiff"));
    }

    [Fact]
    public void Pregnancy_weeks_written_as_weeks_plus_days_count_as_pregnancy()
    {
        Assert.Equal(TriageLevel.Emergency, Level("36+2, back aching all day and a gush of water just now"));
        Assert.NotEqual(TriageLevel.Emergency, Level("back aching all day, 3+2 is 5, and a gush of water from the tap"));
    }

    [Fact]
    public void A_word_like_a_is_not_read_as_an_age()
    {
        // "im a" once read as "aged 1", so "im a carer ... really bad" was a first episode in a child.
        Assert.Equal(TriageLevel.Routine, Level("im a carer and my back is so bad i cant do the hoisting, on light duties"));
        Assert.Equal(TriageLevel.Urgent, Level("my daughter is 14 and has had really bad low back pain for weeks"));
    }

    [Fact]
    public void A_weakened_immune_system_counts_even_when_it_began_years_ago()
    {
        Assert.Equal(TriageLevel.Urgent, Level("kidney transplant in 2019, on immunosuppressants, new back pain for 4 days"));
        Assert.Equal(TriageLevel.Selfcare, Level("I used to inject but been clean 12 years now. pulled my back moving house, getting better"));
    }

    [Fact]
    public void Nothing_recognised_never_claims_absence_and_lists_the_emergency_signs()
    {
        var result = engine.Triage("my lower back aches after walking the dog");
        Assert.Equal(TriageLevel.Selfcare, result.Level);
        Assert.DoesNotContain("Nothing you describe", result.Advice, StringComparison.Ordinal);
        Assert.Contains("did not recognise", result.Advice, StringComparison.Ordinal);
        Assert.Contains(result.EmergencyChecklist, c => c.Contains("genitals", StringComparison.Ordinal));
    }

    [Fact]
    public void An_emergency_shows_only_emergency_advice_and_lower_signs_as_secondary()
    {
        var result = engine.Triage("my back has hurt for 6 weeks and since this morning I can't pee");
        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.Empty(result.EmergencyChecklist);
        Assert.DoesNotContain("GP", result.Advice, StringComparison.Ordinal);
        Assert.All(result.MainReasons, r => Assert.Equal(TriageLevel.Emergency, r.Level));
        Assert.Contains(result.OtherReasons, r => r.Rule == "not-improving");
    }

    [Fact]
    public void Evidence_quotes_the_whole_phrase_with_its_number()
    {
        var result = engine.Triage("back pain and a temperature of 38.5 since last night");
        Assert.Equal(TriageLevel.Urgent, result.Level);
        Assert.Equal("temperature of 38.5", result.Reasons[0].Evidence);
    }

    [Fact]
    public void A_bare_no_after_a_sign_asked_as_a_question_denies_it()
    {
        Assert.Equal(TriageLevel.Selfcare, Level("fever? no. weight loss? no. night pain? no. just ache after moving house 1 wk ago"));
        Assert.Equal(TriageLevel.Selfcare, Level("blue foot?? nope just dye from my new jeans"));

        // Only a whole-sentence "no" answers: a "no" that starts a report does not.
        Assert.Equal(TriageLevel.Emergency, Level("can't pee? No, I haven't been able to pee since last night"));
    }

    [Fact]
    public void An_if_that_means_whether_is_not_a_hypothetical()
    {
        Assert.Equal(TriageLevel.Emergency, Level("cant tell if my bladder is full anymore, bad back"));
        Assert.Equal(TriageLevel.Selfcare, Level("what should I do if my bladder ever stops working?"));
    }

    [Fact]
    public void The_now_of_a_resolution_cue_does_not_bring_the_sign_back()
    {
        Assert.Equal(TriageLevel.Selfcare, Level("had a fever last week with flu which is gone now, back's just sore from lying in bed"));
        Assert.Equal(TriageLevel.Urgent, Level("had a fever last week, it went away, but now I have a temperature of 38.6 again"));
    }

    [Theory]
    [InlineData("night sweats but my room is like 28C, back pain only when i bend", TriageLevel.Selfcare)]
    [InlineData("back a bit stiff from the seats", TriageLevel.Selfcare)]
    [InlineData("back pain and drenching sweats at night, temp 38.4", TriageLevel.Urgent)]
    public void Typos_are_forgiven_only_where_they_cannot_make_another_word(string text, TriageLevel expected) =>
        Assert.Equal(expected, Level(text));

    [Fact]
    public void Times_written_as_3am_count_as_night_pain()
    {
        var result = engine.Triage("my mum keeps getting woken at 3am with back pain that doesnt ease off whatever she does");
        Assert.Equal(TriageLevel.Urgent, result.Level);
        Assert.Equal("night-or-rest-pain", result.Reasons[0].Rule);
    }

    [Theory]
    [InlineData("33wks back pain and some bleeding", TriageLevel.Emergency)]
    [InlineData("32 weeks with my 2nd, backache and a trickle of water, pants are wet and its not wee", TriageLevel.Emergency)]
    [InlineData("back pain for 6 weeks and my gums are bleeding", TriageLevel.Routine)]
    public void Weeks_of_pregnancy_count_only_in_the_range_a_pregnancy_lasts(string text, TriageLevel expected) =>
        Assert.Equal(expected, Level(text));

    [Fact]
    public void A_pattern_gap_does_not_join_words_into_a_self_harm_phrase()
    {
        var result = engine.Triage("right leg weaker than the left for a week, but I can't go up on tiptoe on that side");
        Assert.DoesNotContain(result.Reasons, r => r.Rule == "self-harm");
        Assert.Equal(TriageLevel.Emergency, Level("I can't go on like this, I want to end it all"));
    }

    [Theory]
    [InlineData("new mum with a wrecked back and no sleep, I keep getting thoughts about hurting myself and it frightens me")]
    [InlineData("chronic back pain 3 yrs. last night I cut my arm so the pain would go somewhere else")]
    [InlineData("my husband said tonight hed rather end it than live another year with his back")]
    [InlineData("sick of this back pain, ive got a stash of tablets saved up just in case")]
    public void Self_harm_said_in_everyday_words_is_an_emergency(string text)
    {
        var result = engine.Triage(text);
        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.Equal("self-harm", result.Reasons[0].Rule);
    }

    [Fact]
    public void A_look_alike_before_a_but_does_not_explain_away_the_sign_after_it()
    {
        Assert.Equal(TriageLevel.Emergency, Level("stenosis for years, normally i sit on a bench and it eases off but today both legs went numb and floppy"));

        // After the "but" comes the correction, and the look-alike counts.
        Assert.Equal(TriageLevel.Selfcare, Level("night sweats but my room is like 28C, back pain only when i bend"));
    }

    [Fact]
    public void A_look_alike_the_writer_doubts_does_not_count()
    {
        Assert.Equal(TriageLevel.Emergency, Level("my bum cheeks and inner thighs went numb, thought it was from sitting on the bench during my walk but its been hours"));
        Assert.Equal(TriageLevel.Selfcare, Level("numb bum from sitting on the coach for 3 hours, it went as soon as I got off"));
    }

    [Theory]
    [InlineData("me duele la espalda y no puedo orinar")]
    [InlineData("j'ai mal au dos et je ne peux pas uriner depuis hier")]
    public void A_message_not_in_English_is_said_to_be_unread_and_never_reassured(string text)
    {
        var result = engine.Triage(text);
        Assert.False(result.Understood);
        Assert.Contains("English only", result.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain("did not recognise a warning sign", result.Advice, StringComparison.Ordinal);
        Assert.NotEmpty(result.EmergencyChecklist);
    }

    [Theory]
    [InlineData("back ache after gardening")]
    [InlineData("sore lower back since the weekend, getting better")]
    public void A_short_English_message_is_read_as_English(string text) => Assert.True(engine.Triage(text).Understood);
}
