using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>The report of unjudged top answers, and the judged-answers CSV that fills in removed texts.</summary>
public sealed class UnjudgedTopAnswersTests
{
    [Fact]
    public void The_csv_gives_texts_by_answer_id_with_quoted_commas_and_line_breaks()
    {
        var texts = JudgedAnswerTexts.Read(new StringReader("AnswerID,Answer\nc.txt,\"Rest, then\nmove.\"\nshort\n"));
        Assert.Equal(1, texts.Count);
        Assert.Equal("Rest, then\nmove.", texts.Find("c"));
        Assert.Equal("Rest, then\nmove.", texts.Find("c.txt"));
        Assert.Null(texts.Find("a"));
    }

    [Fact]
    public void Only_unjudged_top_answers_are_listed_with_their_texts_on_one_line()
    {
        var questions = LiveQaQuestion.Read(new StringReader("""
            <x>
              <NLM-QUESTION qid="TQ1"><Original-Question><MESSAGE>sciatica?</MESSAGE></Original-Question></NLM-QUESTION>
              <NLM-QUESTION qid="TQ2"><Original-Question><MESSAGE>neck</MESSAGE></Original-Question></NLM-QUESTION>
              <NLM-QUESTION qid="TQ3"><Original-Question><MESSAGE>gone</MESSAGE></Original-Question></NLM-QUESTION>
              <NLM-QUESTION qid="TQ4"><Original-Question><MESSAGE>judged</MESSAGE></Original-Question></NLM-QUESTION>
              <NLM-QUESTION qid="TQ5"><Original-Question><MESSAGE>nothing</MESSAGE></Original-Question></NLM-QUESTION>
            </x>
            """));
        var run = new LiveQaRun(new Dictionary<string, IReadOnlyList<RankedAnswer>>
        {
            ["TQ1"] = [new("a", 2), new("b", 1)],   // a is unjudged and has its text in the collection
            ["TQ2"] = [new("c", 1)],                // c has no answer in the collection: the CSV's text
            ["TQ3"] = [new("z", 1)],                // z is in neither
            ["TQ4"] = [new("b", 1)],                // judged: not listed
            ["TQ5"] = [],                           // unanswered: not listed
        });
        var qrels = Qrels.From([("TQ4", "b", 0)]);
        var texts = JudgedAnswerTexts.Read(new StringReader("AnswerID,Answer\nc.txt,\"Rest,\tthen\nmove.\"\n"));
        var output = new StringWriter();

        UnjudgedTopAnswers.Write(output, questions, run, LiveQaVariant.Original, qrels, SmallCollection.Create(), texts);

        Assert.Equal(
            UnjudgedTopAnswers.Header + "\n"
            + "TQ1\tsciatica?\ta.txt\tWhat is sciatica?\tPain along the sciatic nerve down the leg.\n"
            + "TQ2\tneck\tc.txt\tWhat is neck pain?\tRest, then move.\n"
            + "TQ3\tgone\tz.txt\t\t(answer removed from MedQuAD)\n",
            output.ToString());
    }
}
