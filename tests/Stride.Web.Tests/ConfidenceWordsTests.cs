using Microsoft.Extensions.DependencyInjection;
using Stride.Hosting;
using Stride.Web.Pages;

namespace Stride.Web.Tests;

/// <summary>
/// The answer page's match words ("close", "likely", "possible match") and their hints claim how often answers at each
/// confidence were right. These tests measure it again on paraphrased questions that no ranking or confidence setting
/// was fitted on (para-kb-heldout.tsv, Stride's own KB), so the words cannot drift away from the facts.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ConfidenceWordsTests(SharedStrideApp app)
{
    [Fact]
    public async Task Each_match_word_says_how_often_answers_at_that_confidence_were_right_on_held_out_questions()
    {
        await app.InitializeAsync();
        var holder = app.Services.GetRequiredService<IndexHolder>();
        var bands = new Dictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        using (var lease = holder.Acquire())
        {
            foreach (var line in File.ReadLines(Path.Combine(TestFiles.RepositoryRoot, "tests", "Stride.Tests", "Data", "para-kb-heldout.tsv")).Skip(1))
            {
                var parts = line.Split('\t');
                var top = lease.Engine.Ask(parts[0]).Answers.FirstOrDefault();
                if (top is null)
                {
                    continue;
                }

                var words = PageText.ConfidenceWords(top.Confidence);
                var right = parts[1].Split('|').Contains(top.Entry.Id, StringComparer.Ordinal);
                var (r, a) = bands.GetValueOrDefault(words);
                bands[words] = (r + (right ? 1 : 0), a + 1);
            }
        }

        double Share(string words) => bands.TryGetValue(words, out var b) && b.All >= 8 ? (double)b.Right / b.All : double.NaN;

        // The hints say: about 9 in 10, most of the time (2 in 3 or more), less than half. With semantic search on
        // (the default for the own KB since issue 16) the likely band was right 18 times in 20 here, 36 in 39 with
        // para-kb-v2-heldout as well; with it off, about 2 in 3.
        Assert.InRange(Share("close match"), 0.85, 1.0);
        Assert.InRange(Share("likely match"), 0.6, 0.95);
        Assert.InRange(Share("possible match"), 0.0, 0.55);
    }

    [Theory]
    [InlineData(0.95, "close match")]
    [InlineData(PageText.CloseMatch, "close match")]
    [InlineData(0.5, "likely match")]
    [InlineData(PageText.LikelyMatch, "likely match")]
    [InlineData(0.1, "possible match")]
    public void Confidence_is_put_into_words_at_the_measured_bands(double confidence, string expected) =>
        Assert.Equal(expected, PageText.ConfidenceWords(confidence));
}
