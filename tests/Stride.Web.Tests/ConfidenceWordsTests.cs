using Microsoft.Extensions.DependencyInjection;
using Stride.Hosting;
using Stride.Web.Pages;

namespace Stride.Web.Tests;

/// <summary>
/// The answer page's match words ("close", "likely", "possible match") and their hints claim how often answers at each
/// confidence were right. These tests measure it again on paraphrased questions that no ranking or confidence setting
/// was fitted on (the held-out halves of the first two blind own-KB sets), so the words cannot drift away from the facts.
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
            var lines = new[] { "para-kb-heldout.tsv", "para-kb-v2-heldout.tsv" }
                .SelectMany(file => File.ReadLines(Path.Combine(TestFiles.RepositoryRoot, "tests", "Stride.Tests", "Data", file)).Skip(1));
            foreach (var line in lines)
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

        // The hints say: about 9 in 10, most of the time (2 in 3 or more), only about half. With semantic search on
        // and passage vectors (docs/web-api.md) these two sets gave 97 of 100, 32 of 35 and 7 of 13; the seed page's
        // held-out sets 78 of 83, 77 of 91 and 32 of 50.
        Assert.InRange(Share("close match"), 0.85, 1.0);
        Assert.InRange(Share("likely match"), 0.6, 0.95);
        Assert.InRange(Share("possible match"), 0.3, 0.7);
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
