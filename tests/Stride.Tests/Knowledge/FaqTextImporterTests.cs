using Stride.Knowledge;
using Stride.Knowledge.Importers;

namespace Stride.Tests.Knowledge;

public sealed class FaqTextImporterTests
{
    private static readonly Lazy<ImportResult> Seed = new(() =>
    {
        using var reader = File.OpenText(TestPaths.SeedPage);
        return new FaqTextImporter().Import(reader, TestPaths.SeedPage);
    });

    private static KbEntry Entry(string question) => Seed.Value.Entries.Single(e => e.Question == question);

    [Fact]
    public void Seed_page_imports_without_errors_into_one_entry_per_heading()
    {
        Assert.False(Seed.Value.HasErrors);
        var headings = File.ReadLines(TestPaths.SeedPage).Select(l => l.Trim()).Where(l => l.EndsWith('?')).ToList();

        // Two question lines are the titles that open scraped answers, not headings of their own.
        Assert.InRange(Seed.Value.Entries.Length, headings.Count - 2, headings.Count + 15);
        Assert.Equal(Seed.Value.Entries.Length, Seed.Value.Entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void First_line_is_the_headline_question_with_its_bullets()
    {
        var first = Seed.Value.Entries[0];
        Assert.Equal("How do I get past lower back pain while walking?", first.Question);
        Assert.Contains("- A tight psoas muscle.", first.Answer, StringComparison.Ordinal);
        Assert.Contains("- Plantar fasciitis.", first.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_lines_without_question_marks_become_headings()
    {
        Assert.Contains("serious injury", Entry("When to see your doctor").Answer, StringComparison.Ordinal);
        Assert.Contains("cramp", Entry("Preventing back spasms").Answer, StringComparison.Ordinal);
        Assert.Equal(Topics.WhenToSeeADoctor, Entry("When to see your doctor").Topic);
    }

    [Fact]
    public void A_title_right_under_a_heading_belongs_to_its_answer()
    {
        var entry = Entry("Why does walking hurt my lower back?");
        Assert.StartsWith("Why Do I Get Lower Back Pain When Walking or Standing for Long Periods?", entry.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Seed.Value.Entries, e => e.Question.StartsWith("Why Do I Get Lower Back Pain When Walking or Standing", StringComparison.Ordinal));
    }

    [Fact]
    public void Answers_cut_off_with_an_ellipsis_are_marked_truncated()
    {
        Assert.True(Entry("How do I get past lower back pain while walking?").Has(EntryIssue.Truncated));
        Assert.False(Entry("How long does it take for lower back strain to heal?").Has(EntryIssue.Truncated));
    }

    [Fact]
    public void Covid_notice_is_flagged_off_topic()
    {
        Assert.True(Entry("COVID-19 Info").Has(EntryIssue.OffTopic));
        Assert.True(Entry("COVID-19 Info").IsJunk);
    }

    [Fact]
    public void Clinic_adverts_are_flagged_promotional()
    {
        Assert.True(Entry("Start your treatment journey today").Has(EntryIssue.Promotional));
        Assert.True(Entry("Lower back pain care at UW Medicine").Has(EntryIssue.Promotional));
        Assert.False(Entry("How to make an appointment").IsJunk);
    }

    [Fact]
    public void A_single_advert_bullet_is_left_out_of_a_useful_answer()
    {
        var entry = Entry("Why does walking hurt my lower back?");
        Assert.DoesNotContain("Let Us Help You", entry.Answer, StringComparison.Ordinal);
        Assert.False(entry.IsJunk);
        Assert.Contains(Seed.Value.Diagnostics, d => d.Message.Contains("promotional", StringComparison.Ordinal) && d.Line > 0);
    }

    [Fact]
    public void Video_caption_garble_is_flagged()
    {
        Assert.True(Entry("How do I strengthen my lower back?").Has(EntryIssue.Garbled));
        Assert.False(Entry("How to keep your lower back strong?").IsJunk);
    }

    [Fact]
    public void Useful_entries_are_not_flagged_as_junk()
    {
        var junk = Seed.Value.Entries.Where(e => e.IsJunk).Select(e => e.Question).ToList();
        Assert.Equal(4, junk.Count);
    }

    [Fact]
    public void Empty_text_is_an_error()
    {
        var result = new FaqTextImporter().Import(new StringReader("\n\n  \n"), "empty.txt");
        Assert.True(result.HasErrors);
        Assert.StartsWith("empty.txt:", result.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Why does my back hurt?", true)]
    [InlineData("When to see your doctor", true)]
    [InlineData("- A tight psoas muscle. ...", false)]
    [InlineData("Walking can be a useful treatment.", false)]
    [InlineData("Choosing this clinic means having access to experts, including:", false)]
    public void Heading_detection(string line, bool expected) => Assert.Equal(expected, FaqTextImporter.LooksLikeHeading(line));
}
