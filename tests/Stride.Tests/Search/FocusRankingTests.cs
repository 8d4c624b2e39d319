using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using static Stride.Tests.Search.Sections;

namespace Stride.Tests.Search;

/// <summary>
/// How the condition or drug a message is about steers the ranking, on a small collection shaped like MedQuAD: the
/// wanted section of a named condition, names given in part or without a drug's form, acronyms written as words,
/// and the topic line. Each behaviour is checked against the same search with that step turned off, so a
/// test shows the step is what makes the difference.
/// </summary>
public sealed class FocusRankingTests
{
    private static readonly Lazy<SearchIndex> Index = new(() =>
        SearchIndex.Build(KnowledgeBase.Create("focus", "1", Entries()).KnowledgeBase!, File.ReadAllText(TestPaths.SynonymsFile)));

    private static Searcher Ranker(Action<SearchOptions>? change = null)
    {
        var options = new SearchOptions();
        change?.Invoke(options);
        return new Searcher(Index.Value, Options.Create(options));
    }

    [Fact]
    public void A_saved_index_opens_with_the_focus_names_it_was_built_with_and_ranks_the_same()
    {
        using var temp = new TempFolder();
        var kb = KnowledgeBase.Create("focus", "1", Entries()).KnowledgeBase!;
        using (var built = SearchIndex.Build(kb, File.ReadAllText(TestPaths.SynonymsFile), Lucene.Net.Store.FSDirectory.Open(temp.Path)))
        {
        }

        // Opening reads the names saved beside the index instead of deriving them; the order of ties must survive.
        Assert.True(File.Exists(Path.Combine(temp.Path, "stride-focus-names.bin")));
        using var reopened = SearchIndex.Open(Lucene.Net.Store.FSDirectory.Open(temp.Path));
        Assert.NotNull(reopened.SavedFocusNames);
        var fromDisk = new Searcher(reopened, Options.Create(new SearchOptions()));
        foreach (var query in new[] { "what is ED", "levothyroxine dosage", "shingles prevention", "my ankles swell", "what brand names is prednisone sold under?" })
        {
            Assert.Equal(
                Ranker().Search(query).Select(h => (h.Entry.Id, Math.Round(h.Confidence, 6))),
                fromDisk.Search(query).Select(h => (h.Entry.Id, Math.Round(h.Confidence, 6))));
        }
    }

    [Fact]
    public void A_saved_index_without_its_entries_file_asks_for_a_rebuild()
    {
        using var temp = new TempFolder();
        var kb = KnowledgeBase.Create("focus", "1", Entries()).KnowledgeBase!;
        using (SearchIndex.Build(kb, string.Empty, Lucene.Net.Store.FSDirectory.Open(temp.Path)))
        {
        }

        File.Delete(Path.Combine(temp.Path, "stride-entries.bin"));
        var error = Assert.Throws<InvalidDataException>(() => SearchIndex.Open(Lucene.Net.Store.FSDirectory.Open(temp.Path)));
        Assert.Contains("stride index", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<KbEntry> Entries() =>
    [
        Section("sh-1", "Shingles", "information", "What is a shingles outbreak?", "Shingles is a painful rash with blisters, caused when the chickenpox virus wakes up again years later. An outbreak usually lasts a few weeks. Information on the vaccine is below."),
        Section("sh-2", "Shingles", "prevention", "Can the chance of getting shingles be lowered?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("ew-1", "Ear wax", "information", "What is ear wax?", "It is made in the canal to protect it and mostly clears on its own."),
        Section("wp-1", "Wax poisoning", "information", "What is wax poisoning?", "Swallowing wax, such as crayons or candles, rarely does harm; a lot of it can block the gut. Flush the mouth with water; peroxide is not needed."),
        Section("lt-1", "Levothyroxine Oral", "indication", "Who should get levothyroxine oral and why is it prescribed?", "It replaces thyroid hormone when the thyroid gland makes too little."),
        Section("lt-2", "Levothyroxine Oral", "usage", "How should levothyroxine oral be used and what is the dosage?", "Take it once a day on an empty stomach, usually in the morning, with a full glass of water."),
        Section("sg-1", "Swollen gums", "information", "What are swollen gums?", "Gums that are puffy, red or sore, often from plaque."),
        Section("ankle-1", "Ankle swelling", "information", "What is ankle swelling?", "Feet, ankles and the lower leg can be swollen after a long day on your feet, in hot weather or in pregnancy."),
        Section("knee-1", "Knee pain", "causes", "What causes knee pain?", "A swollen knee may come from an injury to the leg, worn cartilage or arthritis."),
        Section("eye-1", "Eye swelling", "information", "What is eye swelling?", "Swollen eyelids come from allergies, crying or infection."),
        Section("ed-1", "Erectile dysfunction", "information", "What is erectile dysfunction?", "Trouble getting or keeping an erection; some blood pressure pills can cause it.", "ED"),
        Section("am-1", "Amlodipine", "usage", "How should amlodipine be used and what is the dosage?", "Amlodipine is taken once a day, with or without food."),
        Section("at-1", "Atenolol", "usage", "How should atenolol be used and what is the dosage?", "Atenolol is taken once or twice a day; doctors lower the dose slowly before stopping it."),
        Section("lbs-1", "Low blood sugar - newborns", "causes", "What causes low blood sugar in newborns?", "A baby whose mother has diabetes, or who is born early or small, is more likely to have it."),
        Section("wbc-1", "WBC count", "information", "What is a WBC count?", "A blood test that counts leukocytes, which fight infection."),
        Section("ab-1", "Tooth abscess", "causes", "What causes a tooth abscess?", "Bacteria get into the tooth through decay or a crack, and pus collects at the root."),
        Section("ha-1", "Heart attack", "causes", "What causes a heart attack?", "A blocked artery stops blood reaching part of the heart muscle."),
        Section("rk-1", "Rickets", "information", "What is rickets?", "Soft, weak bones in children, most often from too little vitamin D, calcium or phosphate; some families pass it on."),
        Section("rk-2", "Rickets", "treatment", "What are the treatments for rickets?", "Vitamin D and calcium, and sometimes braces for bowed legs."),
        Section("hr-1", "Hereditary hypophosphatemic rickets", "inheritance", "Is hereditary hypophosphatemic rickets inherited?", "Most often one changed copy of the gene from one parent is enough."),
        Section("pr-1", "Prednisone", "other information", "What other information should I know about prednisone?", "Keep all appointments with your doctor and the laboratory, and keep a written list of all your medicines."),
        Section("pr-2", "Prednisone", "usage", "How should prednisone be used and what is the dosage?", "Take it with food at the same time each day; when stopping, the doctor lowers the dose slowly."),
        Section("pr-3", "Prednisone", "brand names", "What are the brand names of prednisone?", "It is sold under several names in different countries."),
        Section("lp-1", "Leg pain", "information", "What is (are) Leg pain ?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("lp-2", "Leg pain", "considerations", "What to do for Leg pain ?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("ai-1", "Autoimmune diseases", "information", "What are autoimmune diseases?", "The immune system attacks the body's own tissue."),
        Section("ah-1", "Autoimmune hepatitis", "information", "What is autoimmune hepatitis?", "The immune system attacks the liver."),
    ];

    [Fact]
    public void Section_of_the_wanted_type_answers_for_the_condition_named()
    {
        const string question = "I am looking for information on how to prevent a shingles outbreak.";

        Assert.Equal("sh-2", Ranker().Search(question)[0].Entry.Id);
        Assert.Equal("sh-1", Ranker(o => o.WantedTypeFirstWithinFocus = false).Search(question)[0].Entry.Id);
    }

    [Fact]
    public void Entry_about_something_that_shares_a_word_with_the_message_weighs_less()
    {
        const string question = "I drop peroxide in the ear to flush out the wax. Is there harm?";

        Assert.Equal("ew-1", Ranker().Search(question)[0].Entry.Id);
        Assert.Equal("wp-1", Ranker(o => o.PartlyNamedFocusWeight = 1.0).Search(question)[0].Entry.Id);
    }

    [Fact]
    public void Drug_named_without_its_form_is_found()
    {
        Assert.Contains("Levothyroxine Oral", Ranker().FocusNames("Can I take levothyroxine with my coffee?"));
        Assert.Contains("Levothyroxine Oral", Ranker().FocusNames("levothyroxin at night instead?"));
    }

    [Fact]
    public void First_word_that_many_other_entries_use_does_not_stand_for_a_name()
    {
        Assert.DoesNotContain("Swollen gums", Ranker().FocusNames("My ankles are swollen by evening"));
    }

    [Fact]
    public void Acronym_listed_as_a_synonym_counts_only_when_written_like_one()
    {
        Assert.Contains("Erectile dysfunction", Ranker().FocusNames("Can blood pressure pills cause ED?"));
        Assert.DoesNotContain("Erectile dysfunction", Ranker().FocusNames("My husband Ed takes blood pressure pills"));
    }

    [Fact]
    public void Topic_line_says_which_drug_the_message_is_about()
    {
        const string question = "Amlodipine\nIs there a weaning process when you stop taking it and start atenolol?";

        Assert.Equal("am-1", Ranker().Search(question)[0].Entry.Id);
        Assert.Equal("at-1", Ranker(o => o.TopicFocusWeight = 0).Search(question)[0].Entry.Id);
    }

    [Fact]
    public void Name_worded_with_synonyms_is_found()
    {
        // kb/synonyms.txt: "low blood sugar" is "hypoglycemia".
        const string question = "What are the reasons for hypoglycemia in newborns?";
        var withoutSynonyms = new Searcher(
            SearchIndex.Build(KnowledgeBase.Create("focus", "1", Entries()).KnowledgeBase!, string.Empty), Options.Create(new SearchOptions()));

        Assert.Contains("Low blood sugar - newborns", Ranker().FocusNames(question));
        Assert.DoesNotContain("Low blood sugar - newborns", withoutSynonyms.FocusNames(question));

        // "illness", "disease" and "disorder" name the same thing.
        const string illness = "Which doctor tests for autoimmune illness?";
        Assert.Equal(["Autoimmune diseases"], Ranker().FocusNames(illness));
        Assert.NotEqual(["Autoimmune diseases"], withoutSynonyms.FocusNames(illness));
    }

    [Fact]
    public void Everyday_words_find_the_clinical_name()
    {
        // kb/synonyms.txt: "white cells" is "leukocytes" and "wbc".
        const string question = "What does it mean when white cells are up?";
        var withoutSynonyms = new Searcher(
            SearchIndex.Build(KnowledgeBase.Create("focus", "1", Entries()).KnowledgeBase!, string.Empty), Options.Create(new SearchOptions()));

        Assert.Equal("wbc-1", Ranker().Search(question)[0].Entry.Id);
        Assert.NotEqual("wbc-1", withoutSynonyms.Search(question).FirstOrDefault()?.Entry.Id);
    }

    [Fact]
    public void Causes_asked_for_are_those_of_the_effect_the_message_names()
    {
        const string question = "Can a tooth abscess cause a heart attack?";

        Assert.Equal("ha-1", Ranker().Search(question)[0].Entry.Id);
        Assert.Equal("ab-1", Ranker(o => o.CauseNamesEffect = false).Search(question)[0].Entry.Id);

        // The abscess's entry shares far more of this message's words; the effect's causes still come first.
        const string story = "My tooth abscess is swollen and the dentist says the abscess is deep, with pus at the root. Could it cause a heart attack?";
        Assert.Equal("ha-1", Ranker().Search(story)[0].Entry.Id);
        Assert.Equal("ab-1", Ranker(o => o.CauseNamesEffect = false).Search(story)[0].Entry.Id);
    }

    [Fact]
    public void Sections_of_different_kinds_are_not_duplicates_though_their_words_are_the_same()
    {
        // Both questions are "leg pain" once the stop words are gone, and both answers were removed.
        var ids = Ranker().Search("my father has leg pain all the time").Select(h => h.Entry.Id).ToList();

        Assert.Contains("lp-1", ids);
        Assert.Contains("lp-2", ids);
    }

    [Fact]
    public void Entry_about_a_named_drug_clears_the_no_answer_threshold_without_changing_the_order()
    {
        const string question = "levothyroxine unable to find info on this med";
        var options = new SearchOptions();
        var withFloor = Ranker().Search(question);
        var fittedOnly = Ranker(o => o.NamedFocusConfidence = 0).Search(question);

        Assert.StartsWith("lt-", withFloor[0].Entry.Id, StringComparison.Ordinal);
        Assert.True(fittedOnly[0].Confidence < options.NoAnswerThreshold, $"fitted confidence {fittedOnly[0].Confidence}");
        Assert.True(withFloor[0].Confidence >= options.NoAnswerThreshold, $"confidence {withFloor[0].Confidence}");
        Assert.NotEmpty(AnswerEngine.SelectAnswers(withFloor, options));
        Assert.Empty(AnswerEngine.SelectAnswers(fittedOnly, options));
        Assert.Equal(fittedOnly.Select(h => h.Entry.Id), withFloor.Select(h => h.Entry.Id));
    }

    [Fact]
    public void Narrower_form_answers_the_kind_of_question_the_condition_has_no_entry_for()
    {
        const string question = "My mother has rickets. Is it inherited?";

        Assert.Equal("hr-1", Ranker().Search(question)[0].Entry.Id);
        Assert.StartsWith("rk-", Ranker(o => o.NarrowerFocusForWantedType = false).Search(question)[0].Entry.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_made_of_a_word_most_entries_use_hardly_names_a_topic()
    {
        // "medicines" is in almost every answer here, so the page called "Medicines" is no more what a message is
        // about than any other.
        IEnumerable<KbEntry> entries =
        [
            Section("med-1", "Medicines", "information", "What are medicines?", "Medicines treat or prevent illness."),
            .. Enumerable.Range(1, 12).Select(i => Section($"c-{i}", $"Condition {(char)('a' + i)}", "treatment", $"How is condition {(char)('a' + i)} treated?", "Rest, and medicines when they help.")),
        ];
        var index = SearchIndex.Build(KnowledgeBase.Create("generic", "1", entries).KnowledgeBase!, string.Empty);
        const string question = "Which medicines are safe with a cold?";

        Assert.DoesNotContain("Medicines", new Searcher(index, Options.Create(new SearchOptions())).FocusNames(question));
        Assert.Contains("Medicines", new Searcher(index, Options.Create(new SearchOptions { SpecificNameShare = 0 })).FocusNames(question));
    }

    [Fact]
    public void Catch_all_section_follows_the_page_s_other_sections_unless_asked_for()
    {
        const string question = "My husband has been on prednisone for a year. What should we know?";

        Assert.Equal("pr-2", Ranker().Search(question)[0].Entry.Id);
        Assert.Equal("pr-1", Ranker(o => o.CatchAllTypes = []).Search(question)[0].Entry.Id);
        Assert.Equal("pr-3", Ranker().Search("What brand names is prednisone sold under?")[0].Entry.Id);
    }

    [Fact]
    public void Number_outside_a_name_hardly_says_what_a_message_is_about()
    {
        // Leg pain is mentioned all over this collection, so its words are common; "70" is in one entry only, so idf
        // rates it like a rare name. In the message it is an age, not the subject.
        IEnumerable<KbEntry> entries =
        [
            Section("lp-1", "Leg pain", "information", "What is leg pain?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
            Section("hc-1", "Health checks for older adults", "information", "Which health checks do older adults over 70 need?", "Older adults over 70 should have their blood pressure, eyes and hearing checked every year."),
            Section("t1-1", "Type 1 diabetes", "inheritance", "Is type 1 diabetes inherited?", "Risk is higher when a parent or sibling has it."),
            Section("t2-1", "Type 2 diabetes", "inheritance", "Is type 2 diabetes inherited?", "It runs in families, and weight and activity matter too."),
            .. Enumerable.Range(1, 12).Select(i => Section($"c-{i}", $"Condition {(char)('a' + i)}", "symptoms", $"What are the symptoms of condition {(char)('a' + i)}?", "Pain in the leg, a limp, and leg cramps at night.")),
        ];
        var index = SearchIndex.Build(KnowledgeBase.Create("numbers", "1", entries).KnowledgeBase!, File.ReadAllText(TestPaths.SynonymsFile));
        const string question = "My dad is 70 and has leg pain all the time";
        double Score(IReadOnlyList<SearchHit> hits, string id) => hits.Single(h => h.Entry.Id == id).Score;
        IReadOnlyList<SearchHit> Search(string text, double? numberWeight = null)
        {
            var options = new SearchOptions();
            options.NumberWeight = numberWeight ?? options.NumberWeight;
            return new Searcher(index, Options.Create(options)).Search(text);
        }

        var weighed = Search(question);
        var plain = Search(question, numberWeight: 1.0);

        Assert.Equal("lp-1", weighed[0].Entry.Id);
        Assert.True(Score(weighed, "hc-1") < Score(plain, "hc-1"), "the age should add less to the health-check page");
        Assert.True(Score(weighed, "lp-1") - Score(weighed, "hc-1") > Score(plain, "lp-1") - Score(plain, "hc-1"), "the condition named should lead by more");

        // A number that is part of a name the message gives keeps its weight.
        const string named = "Does type 2 diabetes run in families?";
        var withName = Search(named);
        Assert.Equal("t2-1", withName[0].Entry.Id);
        Assert.Equal(Score(Search(named, numberWeight: 1.0), "t2-1"), Score(withName, "t2-1"), 9);
    }
}
