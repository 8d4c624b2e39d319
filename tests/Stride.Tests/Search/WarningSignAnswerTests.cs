using Stride.Triage;

namespace Stride.Tests.Search;

/// <summary>When the red-flag check raises an urgent or emergency sign, the KB's entry about it is the first answer.</summary>
public sealed class WarningSignAnswerTests(OwnKbFixture own) : IClassFixture<OwnKbFixture>
{
    [Fact]
    public void Every_entry_a_rule_names_is_in_the_own_KB_and_every_urgent_or_emergency_rule_but_one_names_one()
    {
        var rules = Engines.Triage.Rules.Rules;
        var kb = own.KnowledgeBase;
        Assert.All(rules.Where(r => r.Entry is not null), r => Assert.NotNull(kb.Find(r.Entry!)));

        // fever-very-unwell has no entry of its own: the emergency advice covers it.
        var without = rules.Where(r => r.Level >= TriageLevel.Urgent && r.Entry is null).Select(r => r.Id);
        Assert.Equal(["fever-very-unwell"], without);
    }

    [Theory]
    [InlineData("my back hurts and I cant feel my bum and I wet myself", TriageLevel.Emergency, "doctor-bladder-bowel-numbness")]
    [InlineData("my back hurts when I walk and now my left foot is cold and pale", TriageLevel.Emergency, "doctor-cold-pale-leg")]
    [InlineData("my lower back pain is much worse when I cough or sneeze", TriageLevel.Urgent, "doctor-red-flags")]
    [InlineData("I am 78 and fell on the ice yesterday and now my back really hurts when I walk", TriageLevel.Urgent, "doctor-spine-fracture-signs")]
    public void The_entry_about_the_sign_comes_first_with_the_pages_highest_confidence(string question, TriageLevel level, string entry)
    {
        var page = own.Engine.Ask(question);

        Assert.Equal(level, page.Triage.Level);
        Assert.Equal(entry, page.Answers[0].Entry.Id);
        Assert.Equal(page.Answers.Max(a => a.Confidence), page.Answers[0].Confidence);
        Assert.Equal(page.Answers.Count, page.Answers.DistinctBy(a => a.Entry.Id).Count());
    }

    [Fact]
    public void Without_a_warning_sign_the_answers_keep_their_order()
    {
        var page = own.Engine.Ask("how common is back pain");

        Assert.True(page.Triage.Level < TriageLevel.Urgent);
        Assert.Equal("causes-how-common", page.Answers[0].Entry.Id);
    }
}
