using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>Asking questions of a ranker, and the run it makes.</summary>
public sealed class LiveQaRunTests
{
    private const string Xml = """
        <LiveQA2017-Medical-Test>
          <NLM-QUESTION qid="TQ2">
            <Original-Question><SUBJECT>back  pain</SUBJECT><MESSAGE>why does my
              back hurt</MESSAGE></Original-Question>
            <NIST-PARAPHRASE>What causes back pain?</NIST-PARAPHRASE>
            <NLM-Summary>back pain causes</NLM-Summary>
          </NLM-QUESTION>
          <NLM-QUESTION qid="TQ10">
            <Original-Question><MESSAGE>sciatica</MESSAGE></Original-Question>
            <NIST-PARAPHRASE>How is sciatica treated?</NIST-PARAPHRASE>
          </NLM-QUESTION>
        </LiveQA2017-Medical-Test>
        """;

    private static IReadOnlyList<LiveQaQuestion> Questions() => LiveQaQuestion.Read(new StringReader(Xml));

    [Fact]
    public void Questions_are_read_with_their_wordings_and_spaces_collapsed()
    {
        var q = Questions();
        Assert.Equal(["TQ2", "TQ10"], q.Select(x => x.Id));
        Assert.Equal("back pain. why does my back hurt", q[0].Original);
        Assert.Equal("sciatica", q[1].Original);
        Assert.Null(q[1].Summary);
    }

    [Fact]
    public void A_missing_wording_falls_back_to_the_next_one()
    {
        var q = Questions();
        Assert.Equal("What causes back pain?", q[0].Text(LiveQaVariant.Paraphrase));
        Assert.Equal("back pain causes", q[0].Text(LiveQaVariant.Summary));
        Assert.Equal("How is sciatica treated?", q[1].Text(LiveQaVariant.Summary)); // no summary: the paraphrase
        Assert.Equal(10, LiveQaQuestion.Number("TQ10"));
    }

    [Fact]
    public void A_run_asks_each_question_in_the_chosen_wording_and_keeps_the_depth()
    {
        var asked = new List<string>();
        var reported = new List<int>();
        var run = LiveQaRun.Ask(Questions(), text =>
        {
            asked.Add(text);
            return text.StartsWith("What", StringComparison.Ordinal) ? [new("A", 3), new("B", 2), new("C", 1)] : [];
        }, LiveQaVariant.Paraphrase, depth: 2, new SyncProgress(reported));

        Assert.Equal(["What causes back pain?", "How is sciatica treated?"], asked);
        Assert.Equal([1, 2], reported);
        Assert.Equal(["A", "B"], run.AnswerIds()["TQ2"]);
        Assert.Empty(run.AnswerIds()["TQ10"]);
        Assert.Equal(1, run.Answered);
    }

    [Fact]
    public void Unanswered_questions_are_kept_empty_and_not_counted_as_answered()
    {
        var run = LiveQaRun.Ask(Questions(), text => text == "sciatica" ? [new("S", 1)] : [], LiveQaVariant.Original, 10);
        Assert.Empty(run.Rankings["TQ2"]);
        Assert.Equal(1, run.Answered);
    }

    [Fact]
    public void The_asker_shows_progress_around_a_run_and_a_quiet_pass_does_not()
    {
        var progress = new CountingProgress();
        var asker = new LiveQaAsker(Questions(), LiveQaVariant.Original, 5, progress);
        Assert.Equal(["TQ2", "TQ10"], asker.QuestionIds);
        asker.Ask(_ => [new("A", 1)]);
        asker.AskQuietly(_ => [new("A", 1)]);
        Assert.Equal(1, progress.Runs);
        Assert.Equal(2, progress.LastTotal);
    }

    [Fact]
    public void Trec_lines_are_ordered_by_question_number_with_rank_score_and_tag()
    {
        var run = new LiveQaRun(new Dictionary<string, IReadOnlyList<RankedAnswer>>
        {
            ["TQ10"] = [new("GHR_0000804_Sec2", 2.5)],
            ["TQ2"] = [new("A", 1), new("B", 0.5)],
        });
        var text = new StringWriter();
        run.WriteTrec(text, "stride");
        Assert.Equal("TQ2 Q0 A.txt 1 1.000000 stride\nTQ2 Q0 B.txt 2 0.500000 stride\nTQ10 Q0 GHR_0000804_Sec2.txt 1 2.500000 stride\n", text.ToString());
    }

    private sealed class SyncProgress(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }

    private sealed class CountingProgress : IAskProgress
    {
        public int Runs { get; private set; }

        public int LastTotal { get; private set; }

        public LiveQaRun Show(int questions, Func<IProgress<int>, LiveQaRun> ask)
        {
            Runs++;
            LastTotal = questions;
            return NoAskProgress.Instance.Show(questions, ask);
        }
    }
}
