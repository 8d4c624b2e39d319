using System.Text.RegularExpressions;
using Stride.Knowledge;
using Stride.Search;
using Stride.Tests.Search;

namespace Stride.Tests.Knowledge;

/// <summary>The checks every entry of Stride's own KB (kb/) must pass, run on the real files.</summary>
public sealed partial class StrideKbContentTests(OwnKbFixture own, ITestOutputHelper output) : IClassFixture<OwnKbFixture>
{
    /// <summary>The entries about emergency symptoms (cauda equina signs, chest pain, both legs weak, serious falls).</summary>
    private static readonly string[] EmergencyEntries =
        ["doctor-emergency-signs", "doctor-bladder-bowel-numbness", "doctor-chest-pain", "doctor-leg-weakness", "doctor-after-fall"];

    private static int Words(string text) => WordPattern().Count(text);

    [Fact]
    public void Every_entry_is_complete()
    {
        var problems = new List<string>();
        foreach (var e in own.KnowledgeBase.Entries)
        {
            if (e.Alternates.Length < 3)
            {
                problems.Add($"{e.Id}: {e.Alternates.Length} alternates (3 or more needed)");
            }

            // Ranking is tested on the way worried people type (kb/README.md): a long, story-first alternate.
            if (!e.Alternates.Any(a => Words(a) >= 20))
            {
                problems.Add($"{e.Id}: no long, story-first alternate (20 words or more)");
            }

            var words = Words(e.Answer);
            if (words is < 40 or > 200)
            {
                problems.Add($"{e.Id}: answer has {words} words (40-200)");
            }

            if (!Topics.All.Contains(e.Topic) || e.Topic == Topics.General)
            {
                problems.Add($"{e.Id}: topic '{e.Topic}' is not one of Stride's topics");
            }

            if (e.Sources.Length is < 1 or > 3 || e.Sources.Any(s => !s.Url.StartsWith("https://", StringComparison.Ordinal) || s.Title.Length == 0))
            {
                problems.Add($"{e.Id}: needs 1-3 sources, each with a title and an https URL");
            }

            problems.AddRange(e.Related.Where(r => own.KnowledgeBase.Find(r) is null).Select(r => $"{e.Id}: related id '{r}' does not exist"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(own.KnowledgeBase.Entries.Length >= 160, $"only {own.KnowledgeBase.Entries.Length} entries (the second edition has at least 160)");
    }

    [Fact]
    public void Lint_finds_no_errors_and_reports_the_reading_level()
    {
        using var analysis = new TextAnalysis();
        var rulesFile = Path.Combine(TestPaths.KbFolder, "source-rules.yaml");
        using var reader = File.OpenText(rulesFile);
        var linter = new KbLinter(analysis, KbSourceRules.Read(reader, rulesFile).Rules);
        var report = linter.Lint(own.KnowledgeBase);
        output.WriteLine($"{report.EntryCount} entries, mean reading grade {report.MeanGrade:F1}, {report.WarningCount} warnings");
        Assert.Empty(report.Findings.Where(f => f.Severity == DiagnosticSeverity.Error).Select(f => f.ToString()));
        Assert.True(report.MeanGrade <= KbLinter.MaxGrade, $"mean reading grade {report.MeanGrade:F1}");
    }

    [Fact]
    public void No_sentence_of_eight_or_more_words_is_copied_from_the_seed_page()
    {
        static IEnumerable<string> Shingles(string text)
        {
            var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
            for (var i = 0; i + 8 <= words.Length; i++)
            {
                yield return string.Join(' ', words, i, 8);
            }
        }

        var seed = Shingles(File.ReadAllText(TestPaths.SeedPage)).ToHashSet(StringComparer.Ordinal);
        var copied = Directory.GetFiles(TestPaths.KbFolder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .SelectMany(f => Shingles(File.ReadAllText(f)).Where(seed.Contains).Select(s => $"{Path.GetFileName(f)}: \"{s}\""))
            .ToList();
        Assert.True(copied.Count == 0, string.Join('\n', copied.Take(10)));
    }

    [Fact]
    public void Emergency_questions_get_an_answer_that_says_seek_urgent_care()
    {
        using var reader = File.OpenText(TestPaths.DataFile("kb-queries.tsv"));
        var queries = Stride.Evaluation.JudgedQuerySet.ReadTsv(reader).Queries;
        var emergency = queries
            .Where(q => q.Relevant.Overlaps(EmergencyEntries))
            .ToList();
        Assert.True(emergency.Count >= 8, $"only {emergency.Count} emergency queries");
        Assert.All(EmergencyEntries, id => Assert.Contains("seek urgent care", own.KnowledgeBase.Find(id)!.Answer, StringComparison.OrdinalIgnoreCase));
        foreach (var q in emergency)
        {
            var page = own.Engine.Ask(q.Query);
            Assert.False(page.NoGoodAnswer, $"'{q.Query}' got no answer");
            Assert.True(
                page.Answers[0].Entry.Answer.Contains("seek urgent care", StringComparison.OrdinalIgnoreCase),
                $"'{q.Query}' -> '{page.Answers[0].Entry.Id}', which does not say to seek urgent care");
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
