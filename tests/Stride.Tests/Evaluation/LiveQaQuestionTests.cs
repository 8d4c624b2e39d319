using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

[Trait("Data", "shared")]
public sealed class LiveQaQuestionTests
{
    [Fact]
    public void All_104_test_questions_are_read_with_subject_and_message()
    {
        using var reader = File.OpenText(TestPaths.Shared("liveqa-med-2017/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml"));
        var questions = LiveQaQuestion.Read(reader);
        Assert.Equal(104, questions.Count);
        Assert.Equal(104, questions.Select(q => q.Id).Distinct().Count());
        Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Original)));
        Assert.Contains(questions, q => q.Summary is not null);
        Assert.Equal(questions[0].Original, questions[0].Text(LiveQaVariant.Original));
    }
}
