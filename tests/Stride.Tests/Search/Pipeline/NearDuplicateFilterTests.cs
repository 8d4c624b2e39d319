using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Pipeline;
using static Stride.Tests.Search.Sections;

namespace Stride.Tests.Search.Pipeline;

public sealed class NearDuplicateFilterTests
{
    private const string LongAnswer = "Rest for a day or two, then walk a little more each day; heat and simple pain relief help while the muscles settle.";

    private static readonly Lazy<SearchIndex> Index = new(() => SearchIndex.Build(KnowledgeBase.Create("copies", "1",
    [
        Section("a-1", "Back strain", "treatment", "How is a back strain treated?", LongAnswer),
        Section("a-2", "Back strain", "treatment", "How is back strain treated?", LongAnswer + " See a GP if it lasts."),
        Section("b-1", "Back strain", "information", "What is a back strain?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("b-2", "Back strain", "considerations", "What to do for a back strain?", string.Empty) with { Flags = [EntryIssue.AnswerRemoved] },
        Section("c-1", "Pulled muscle", "treatment", "What helps a pulled muscle in the back?", LongAnswer),
        Section("d-1", "Sciatica", "symptoms", "What are the symptoms of sciatica?", "Pain that runs from the buttock down the back of the leg, with tingling or numbness."),
    ]).KnowledgeBase!, string.Empty));

    private static List<string> Kept(params string[] ids) =>
        [.. new NearDuplicateFilter(new SearchOptions()).Filter(PipelineIndexes.Hits(Index.Value, ids)).Select(h => h.Entry.Id)];

    [Fact]
    public void Same_question_with_the_same_answer_is_shown_once_the_better_placed_one()
    {
        Assert.Equal(["a-2", "d-1"], Kept("a-2", "a-1", "d-1"));
    }

    [Fact]
    public void Same_words_asking_for_different_kinds_of_answer_are_different_questions()
    {
        Assert.Equal(["b-1", "b-2"], Kept("b-1", "b-2"));
    }

    [Fact]
    public void Same_long_answer_under_another_question_is_shown_once()
    {
        Assert.Equal(["c-1", "d-1"], Kept("c-1", "a-1", "d-1"));
    }
}
