using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;

namespace Stride.Tests.Search;

public sealed class AnswerEngineTests(OwnKbFixture own, SeedEngineFixture seed) : IClassFixture<OwnKbFixture>, IClassFixture<SeedEngineFixture>
{
    private static KbEntry Entry(string id, string question, string answer, string topic = Topics.Causes, params string[] alternates) => new()
    {
        Id = id,
        Question = question,
        Answer = answer,
        Topic = topic,
        Alternates = [.. alternates],
        Sources = [new SourceLink("Test", "https://example.org/")],
    };

    private static AnswerEngine EngineOver(params KbEntry[] entries)
    {
        var kb = KnowledgeBase.Create("test", "1", entries).KnowledgeBase!;
        return Engines.Create(kb);
    }

    [Theory]
    [InlineData("back AND pain*")]
    [InlineData("\"walking")]
    [InlineData("title:sciatica OR")]
    [InlineData("((( [ { ~ ^2 \\ / !")]
    [InlineData("- + && || ?")]
    public void Query_syntax_characters_are_plain_text(string query)
    {
        // No exception, and the same result as the words alone (the symbols carry no meaning).
        var page = own.Engine.Ask(query);
        var words = string.Concat(query.Select(c => char.IsLetterOrDigit(c) ? c : ' '));
        var expected = string.IsNullOrWhiteSpace(words) ? [] : own.Engine.Ask(words).Answers.Select(a => a.Entry.Id).ToList();
        Assert.Equal(expected, page.Answers.Select(a => a.Entry.Id).ToList());
    }

    [Fact]
    public void Operators_do_not_change_the_meaning_of_a_question()
    {
        var plain = own.Engine.Ask("sciatica pain walking").Answers.Select(a => a.Entry.Id);
        var noisy = own.Engine.Ask("sciatica AND pain* \"walking\"").Answers.Select(a => a.Entry.Id);
        Assert.Equal(plain, noisy);
    }

    [Theory]
    [InlineData("é")]
    [InlineData("x ?")]
    [InlineData("what is the capital of france")]
    [InlineData("whats a good name for a golden retriever puppy")]
    [InlineData("how do i make sourdough bread rise better")]
    public void Unrelated_questions_get_no_good_answer(string query)
    {
        var page = own.Engine.Ask(query);
        Assert.True(page.NoGoodAnswer, $"answered with '{page.Answers.FirstOrDefault()?.Entry.Question}'");
        Assert.Empty(page.Answers);
    }

    [Fact]
    public void Most_off_topic_questions_are_declined_on_both_collections()
    {
        var queries = File.ReadAllLines(TestPaths.DataFile("off-topic-queries.txt")).Where(l => l.Length > 0).ToList();
        var declinedOwn = queries.Count(q => own.Engine.Ask(q).NoGoodAnswer);
        var declinedSeed = queries.Count(q => seed.Engine.Ask(q).NoGoodAnswer);
        Assert.True(declinedOwn >= queries.Count * 0.75, $"own KB declined {declinedOwn}/{queries.Count}");
        Assert.True(declinedSeed >= queries.Count * 0.75, $"seed page declined {declinedSeed}/{queries.Count}");
    }

    [Fact]
    public void Everyday_words_reach_clinical_entries_through_synonyms()
    {
        var engine = EngineOver(
            Entry("tingle", "What causes paresthesia in the leg?", "Paresthesia is a tingling feeling caused by nerve irritation."),
            Entry("glute", "Why is my gluteal muscle sore?", "The gluteal muscles can tire on long walks."));
        Assert.Equal("tingle", engine.Ask("pins and needles down my leg").Answers.FirstOrDefault()?.Entry.Id);
        Assert.Equal("glute", engine.Ask("my bum is sore").Answers.FirstOrDefault()?.Entry.Id);
        Assert.Contains(own.Engine.Ask("back pain and now i cant pee").Answers.Take(3), a => a.Entry.Id == "doctor-bladder-bowel-numbness");
    }

    [Fact]
    public void Typos_are_corrected_against_the_vocabulary()
    {
        var top = own.Engine.Ask("does sciatia get worse when walking").Answers.FirstOrDefault();
        Assert.NotNull(top);
        Assert.Contains("sciatica", top.Entry.Question + top.Entry.Answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_paraphrase_of_a_stored_question_finds_it()
    {
        var engine = EngineOver(
            Entry("heal", "How long does a pulled back muscle take to heal?", "Most strains settle within a few weeks.", Topics.SelfCare),
            Entry("walk", "Is walking good for back pain?", "Walking is one of the best things you can do.", Topics.SelfCare),
            Entry("shoes", "Which shoes help with back pain?", "Shoes with cushioning and support help.", Topics.WalkingTechnique));
        var page = engine.Ask("how many weeks until a pulled muscle in my back heals");
        Assert.Equal("heal", page.Answers[0].Entry.Id);
        Assert.True(page.Answers[0].QuestionSimilarity > 0.5);
    }

    [Fact]
    public void Near_duplicate_entries_are_shown_once()
    {
        var engine = EngineOver(
            Entry("a", "Why does my lower back hurt when I walk?", "Tired muscles, stiff joints and nerve irritation can all make walking hurt."),
            Entry("b", "Why does my lower back hurt when I walk?", "Tired muscles, stiff joints and nerve irritation can all make walking hurt!"),
            Entry("c", "Should I rest in bed?", "No, staying active helps you recover faster.", Topics.SelfCare));
        var page = engine.Ask("why does my lower back hurt when i walk");
        Assert.Single(page.Answers, a => a.Entry.Id is "a" or "b");
        Assert.DoesNotContain(page.Related.SelectMany(g => g.Entries), e => e.Id is "a" or "b");
    }

    [Fact]
    public void Confidence_depends_on_the_match_not_on_the_rest_of_the_collection()
    {
        // The same entry, matched by the same question, gets the same confidence whether it stands alone or among
        // other entries: confidence is about the match, not about how BM25 scores happen to spread in one query.
        var entry = Entry("walk", "Is walking good for back pain?", "Yes, gentle walking helps most people with back pain.", Topics.SelfCare, "should i walk with a sore back", "walking and backache", "is it ok to go for walks");
        var others = Enumerable.Range(0, 30).Select(i => Entry($"other-{i}", $"How do I care for my garden plant number {i}?", $"Water plant {i} twice a week and keep it in the sun.", Topics.General));
        var alone = EngineOver(entry).Ask("is walking good for back pain").Answers.Single(a => a.Entry.Id == "walk");
        var among = EngineOver([entry, .. others]).Ask("is walking good for back pain").Answers.Single(a => a.Entry.Id == "walk");
        Assert.InRange(alone.Confidence, 0.5, 1.0);
        Assert.Equal(alone.QuestionSimilarity, among.QuestionSimilarity, 3);
        Assert.Equal(alone.Coverage, among.Coverage, 3);
        Assert.True(Math.Abs(alone.Confidence - among.Confidence) < 0.25, $"{alone.Confidence:F3} alone vs {among.Confidence:F3} among others");
    }

    [Fact]
    public void Related_questions_are_grouped_by_topic_in_topic_order()
    {
        var page = own.Engine.Ask("why does my lower back hurt when i walk");
        Assert.False(page.NoGoodAnswer);
        Assert.NotEmpty(page.Related);
        Assert.Equal(page.Related.Count, page.Related.Select(g => g.Topic).Distinct().Count());
        var order = page.Related.Select(g => Topics.All.ToList().IndexOf(g.Topic)).ToList();
        Assert.Equal(order.Order(), order);
        var answered = page.Answers.Select(a => a.Entry.Id).ToHashSet();
        Assert.DoesNotContain(page.Related.SelectMany(g => g.Entries), e => answered.Contains(e.Id));
    }

    [Fact]
    public void Every_answer_names_its_source()
    {
        foreach (var query in new[] { "why does walking hurt my back", "exercises for my core", "when should i see a doctor" })
        {
            var answers = own.Engine.Ask(query).Answers;
            Assert.NotEmpty(answers);
            Assert.All(answers, a => Assert.Contains(a.Entry.Sources, s => s.Url.StartsWith("https://", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Invalid_questions_are_rejected_before_search()
    {
        Assert.Throws<ArgumentException>(() => own.Engine.Ask("   "));
        Assert.Throws<ArgumentException>(() => own.Engine.Ask(new string('a', QuestionValidator.MaxLength + 1)));
        Assert.Null(QuestionValidator.Validate(new string('a', QuestionValidator.MaxLength)));
    }

    [Fact]
    public void A_saved_index_answers_like_the_in_memory_one()
    {
        using var temp = new TempFolder();
        var synonyms = File.ReadAllText(TestPaths.SynonymsFile);
        using (SearchIndex.Build(own.KnowledgeBase, synonyms, FSDirectory.Open(temp.Path)))
        {
        }

        using var reopened = SearchIndex.Open(FSDirectory.Open(temp.Path));
        Assert.Equal(own.KnowledgeBase.ContentHash, reopened.KnowledgeBase.ContentHash);
        var options = Options.Create(new SearchOptions());
        var fromDisk = new AnswerEngine(new Searcher(reopened, options), Engines.Triage, options);
        foreach (var query in new[] { "why does walking hurt my back", "numb bum and cant pee", "best shoes for walking" })
        {
            Assert.Equal(
                own.Engine.Ask(query).Answers.Select(a => (a.Entry.Id, Math.Round(a.Confidence, 6))),
                fromDisk.Ask(query).Answers.Select(a => (a.Entry.Id, Math.Round(a.Confidence, 6))));
        }
    }

    [Fact]
    public void Opening_a_folder_without_an_index_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<InvalidDataException>(() => SearchIndex.Open(FSDirectory.Open(temp.Path)));
        Assert.Contains("stride index", error.Message, StringComparison.Ordinal);
    }
}

public sealed class EachQuestionTests(OwnKbFixture own) : IClassFixture<OwnKbFixture>
{
    [Fact]
    public void A_message_asking_two_things_gets_an_answer_to_each()
    {
        var page = own.Engine.Ask(
            "I sit at a desk all day and started walking at lunch. Why does my lower back ache when I walk? "
            + "And which stretch helps a tight hip flexor?");

        Assert.Equal(2, page.EachQuestion.Count);
        Assert.Equal("Why does my lower back ache when I walk?", page.EachQuestion[0].Question);
        Assert.Equal("causes-why-walking-hurts", page.EachQuestion[0].Answer?.Entry.Id);
        Assert.Equal("exercises-hip-flexor-stretch", page.EachQuestion[1].Answer?.Entry.Id);
    }

    [Fact]
    public void A_question_with_no_good_answer_says_so_beside_the_others()
    {
        var page = own.Engine.Ask("Why does my back hurt when I walk? What is the capital of Peru?");

        Assert.Equal(2, page.EachQuestion.Count);
        Assert.Equal("causes-why-walking-hurts", page.EachQuestion[0].Answer?.Entry.Id);
        Assert.Null(page.EachQuestion[1].Answer);
    }

    [Fact]
    public void A_story_with_a_question_of_only_small_words_is_still_answered()
    {
        var page = own.Engine.Ask("I hurt my lower back lifting boxes last week and walking makes it ache. What should I do?");
        Assert.False(page.NoGoodAnswer);
    }

    [Theory]
    [InlineData("Why does my lower back hurt when I walk?")]
    [InlineData("My back hurts after walking. Why is that?")]
    [InlineData("Why does my back hurt when I walk? Why does my back hurt when I walk?")]
    [InlineData("Why does my back hurt when I walk? Why? How?")]
    public void A_message_with_one_question_has_no_per_question_answers(string message)
    {
        Assert.Empty(own.Engine.Ask(message).EachQuestion);
    }
}
