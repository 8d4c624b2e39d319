using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using static Stride.Tests.Search.Sections;

namespace Stride.Tests.Search;

/// <summary>
/// Consumer wording against a small collection shaped like MedQuAD (one page per condition or drug, one entry per
/// section, each with its focus and question type): misspelt and split names, and questions about drug sections.
/// </summary>
public sealed class ConsumerQuestionTests
{
    private static readonly Lazy<Searcher> Ranker = new(() => new Searcher(
        SearchIndex.Build(KnowledgeBase.Create("sections", "1", Entries()).KnowledgeBase!, File.ReadAllText(TestPaths.SynonymsFile)),
        Options.Create(new SearchOptions())));

    private static IEnumerable<KbEntry> Entries() =>
    [
        Section("pain-1", "Pain", "information", "What is pain?", "Pain is the body's alarm signal. It can be sharp or dull, short or long lasting, and it can come from any part of the body."),
        Section("pain-2", "Pain", "causes", "What causes pain?", "Injury, swelling, pressure on nerves and many illnesses cause pain. Sometimes no cause is found."),
        Section("rib-1", "Ribcage pain", "information", "What is ribcage pain?", "Ribcage pain is an ache or soreness in the chest wall around the ribs."),
        Section("rib-2", "Ribcage pain", "causes", "What causes ribcage pain?", "Bruised or cracked ribs, strained muscles between the ribs and inflamed rib cartilage are common reasons for it."),
        Section("pf-1", "Plantar fasciitis", "information", "What is plantar fasciitis?", "It is irritation of the thick band of tissue under the foot that runs from the heel to the toes."),
        Section("pf-2", "Plantar fasciitis", "causes", "What causes plantar fasciitis?", "Long hours on the feet, tight calf muscles, flat feet and extra body weight all strain the band under the foot."),
        Section("wt-1", "Overweight", "information", "What is being overweight?", "Carrying more body weight than is healthy for your height. Activity and diet both matter for weight."),
        Section("wt-2", "Overweight", "treatment", "How is being overweight treated?", "Eating changes, more activity and sometimes medicines help people lose weight."),
        Section("wt-3", "Overweight", "causes", "What causes being overweight?", "Eating more than the body uses, little activity at work or at home, and some medicines add weight over time."),
        Section("par-1", "Paralysis", "information", "What is paralysis?", "Paralysis is losing the power to move some or all of the body, for a short time or for good, often after nerve damage; some people have it for a moment around sleep."),

        // Question-only, as in collections whose answers were removed: only its name can bring it up.
        Section("isp-1", "Isolated sleep paralysis", "information", "What is isolated sleep paralysis?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("dvt-1", "Deep vein thrombosis", "information", "What is deep vein thrombosis?", "A blood clot forms in a deep vein, most often in the leg. Doctors call it a DVT."),
        Section("dvt-2", "Deep vein thrombosis", "causes", "What causes deep vein thrombosis?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("bc-1", "Birth control pills", "information", "What are birth control pills?", "Pills taken each day to prevent pregnancy; many people call them the pill. Some raise the chance of clots."),
        Section("cx-1", "Cephalexin", "indication", "Who should get cephalexin and why is it prescribed?", "It is an antibiotic prescribed for infections caused by bacteria, such as skin, ear and urinary infections."),
        Section("cx-2", "Cephalexin", "precautions", "Are there safety concerns or special precautions about cephalexin?", "Tell your doctor if you have ever had a reaction to penicillin or similar antibiotics, and about other medicines you use."),
        Section("cx-3", "Cephalexin", "storage and disposal", "What should I know about storage and disposal of cephalexin?", "Keep the capsules closed, at room temperature and away from damp; the liquid goes in the fridge."),
        Section("cx-4", "Cephalexin", "usage", "How should cephalexin be used and what is the dosage?", "It is usually taken two to four times a day. Finish the whole course even when you feel better."),
    ];

    [Theory]
    [InlineData("What are the causes of rib cage pain?", "rib-2")]
    [InlineData("What exactly is sleep paralysis?", "isp-1")]
    [InlineData("What causes a DVT?", "dvt-2")]
    [InlineData("what causes a dvt", "dvt-2")]
    [InlineData("Plantar fasiciitis. Is it true that it is aggravated by a lot of weight bearing activity at work? What causes it?", "pf-2")]
    [InlineData("My dentist gave me cephalexin for a gum abscess. Is it ok to take even though I'm allergic to penicillin?", "cx-2")]
    [InlineData("The pharmacy did not refrigerate my cephalexin, is it still good?", "cx-3")]
    [InlineData("cephalexin: how many times a day do I take it?", "cx-4")]
    public void Consumer_question_gets_the_section_that_answers_it(string question, string expectedId)
    {
        Assert.Equal(expectedId, Ranker.Value.Search(question)[0].Entry.Id);
    }

    [Theory]
    [InlineData("DVT", true)]
    [InlineData("nph", true)]
    [InlineData("CVID", true)]
    [InlineData("Med", false)]
    [InlineData("cat", false)]
    [InlineData("U.T.I", false)]
    public void Only_words_written_like_acronyms_are_read_as_acronyms(string written, bool expected)
    {
        Assert.Equal(expected, Searcher.LooksLikeAcronym(written));
    }
}
