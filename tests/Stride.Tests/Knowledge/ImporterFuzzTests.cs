using System.Diagnostics;
using System.Text;
using CsCheck;
using Stride.Knowledge;

namespace Stride.Tests.Knowledge;

/// <summary>
/// Property tests: every importer, given random text or a valid file with random damage, answers with diagnostics and
/// never with an unhandled exception or a hang.
/// </summary>
public sealed class ImporterFuzzTests
{
    /// <summary>Small valid files of every format, written for these tests, that the mutations start from.</summary>
    private static readonly Dictionary<KbFormat, string> Seeds = new()
    {
        [KbFormat.Yaml] = "entries:\n  - id: walk\n    topic: walking\n    question: Why does walking hurt?\n    alternates: [\"sore when walking\"]\n    answer: \"Often tight muscles. Keep moving gently.\"\n    sources: [{ title: NHS, url: \"https://www.nhs.uk/\" }]\n    related: [other]\n",
        [KbFormat.FaqText] = "Why does my back hurt when I walk?\nTight muscles are a common reason.\n- stretch gently\n- walk a little every day\nHow common is back pain?\nVery common.\n",
        [KbFormat.MedQuad] = "<?xml version=\"1.0\"?>\n<Document id=\"0001\" source=\"GHR\" url=\"https://example.org/a\">\n<Focus>Back pain</Focus>\n<QAPairs>\n<QAPair><Question qid=\"1\" qtype=\"information\">What is back pain?</Question><Answer>Pain in the back.</Answer></QAPair>\n</QAPairs>\n</Document>\n",
        [KbFormat.JsonLines] = "{\"question\":\"Why does walking hurt?\",\"answer\":\"Tight muscles.\",\"source\":\"NHS | https://www.nhs.uk/\"}\n{\"question\":\"Is walking good?\",\"answer\":\"Yes, gently.\",\"topic\":\"walking\"}\n",
        [KbFormat.Csv] = "question,answer,alternates,topic,source\n\"Why does walking hurt?\",\"Tight muscles, often.\",sore|aching,walking,https://www.nhs.uk/\nIs walking good?,\"Yes, \"\"gently\"\".\",,walking,\n",
        [KbFormat.Tsv] = "question\tanswer\ttopic\nWhy does walking hurt?\tTight muscles.\twalking\nIs walking good?\tYes.\twalking\n",
    };

    /// <summary>Every format Stride imports.</summary>
    public static TheoryData<KbFormat> Formats => [.. Enum.GetValues<KbFormat>()];

    private const string Specials = "{}[]()<>:;,.|\"'`\\/#&*!?-_=+%@~\t\n\r \u00e9\u2019\u0000\u001b\uFEFF";

    private static void ImportsWithoutThrowing(KbFormat format, string text)
    {
        var clock = Stopwatch.StartNew();
        var result = KbFormats.ImporterFor(format).Import(new StringReader(text), $"fuzz.{format}");
        Assert.NotNull(result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{format} took {clock.Elapsed} on a {text.Length}-character input");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_damaged_file_gives_diagnostics_never_an_exception(KbFormat format)
    {
        var seed = Seeds[format];
        var edit = Gen.Select(Gen.Int[0, seed.Length], Gen.Int[0, 3], Gen.Char[Specials]);
        edit.Array[1, 12].Sample(edits =>
        {
            var text = new StringBuilder(seed);
            foreach (var (at, kind, c) in edits)
            {
                var i = Math.Min(at, text.Length);
                switch (kind)
                {
                    case 0: text.Insert(i, c); break;
                    case 1 when i < text.Length: text.Remove(i, 1); break;
                    case 2 when i < text.Length: text[i] = c; break;
                    default: text.Length = i; break; // cut off, as a truncated download
                }
            }

            ImportsWithoutThrowing(format, text.ToString());
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Random_text_gives_diagnostics_never_an_exception(KbFormat format) =>
        Gen.String[Gen.Char[Specials + "abcxyz019"], 0, 400].Sample(text => ImportsWithoutThrowing(format, text), iter: 300);

    [Fact]
    public void Random_bytes_are_decoded_or_refused_with_a_line_never_thrown()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var text = KbFileLoader.DecodeUtf8(bytes, "fuzz.bin", out var error);
            Assert.True(error is null ? text is not null : error.Line >= 1, "a decoding error names its line");
        }, iter: 500);
    }
}
