using Stride.Knowledge;
using Stride.Knowledge.Importers;

namespace Stride.Tests.Knowledge;

public sealed class TabularImporterTests
{
    [Fact]
    public void Csv_reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        const string csv = "question,answer,alternates,topic,source\n" +
            "\"Is walking good, or bad?\",\"Mostly good.\nStart with \"\"short\"\" walks.\",walking ok?|should i walk,self-care,NHS <https://www.nhs.uk/conditions/back-pain/>\n" +
            "Why does my back hurt?,Many reasons.,,causes,https://medlineplus.gov/backpain.html\n";
        var result = DelimitedImporter.Csv.Import(new StringReader(csv), "faq.csv");
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(2, result.Entries.Length);
        var first = result.Entries[0];
        Assert.Equal("Is walking good, or bad?", first.Question);
        Assert.Equal("Mostly good.\nStart with \"short\" walks.", first.Answer);
        Assert.Equal(["walking ok?", "should i walk"], first.Alternates);
        Assert.Equal(new SourceLink("NHS", "https://www.nhs.uk/conditions/back-pain/"), first.Sources[0]);
        Assert.Equal("faq.csv:4", result.Entries[1].Origin);
        Assert.Equal("medlineplus.gov", result.Entries[1].Sources[0].Title);
    }

    [Fact]
    public void Csv_without_the_required_header_is_rejected_on_line_1()
    {
        var result = DelimitedImporter.Csv.Import(new StringReader("q,a\nx,y\n"), "faq.csv");
        Assert.True(result.HasErrors);
        Assert.StartsWith("faq.csv:1: error:", result.Diagnostics[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("question", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_row_with_the_wrong_number_of_fields_names_its_line()
    {
        var result = DelimitedImporter.Csv.Import(new StringReader("question,answer\nA?,B\nC?,D,E\n"), "faq.csv");
        Assert.True(result.HasErrors);
        Assert.Equal(3, result.Diagnostics.Single().Line);
    }

    [Fact]
    public void Csv_quote_never_closed_is_an_error()
    {
        var result = DelimitedImporter.Csv.Import(new StringReader("question,answer\n\"A?,B\n"), "faq.csv");
        Assert.True(result.HasErrors);
        Assert.Contains("never closed", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tsv_reads_tab_separated_rows()
    {
        var result = DelimitedImporter.Tsv.Import(new StringReader("question\tanswer\ttopic\nDoes ice help?\tFor a day or two.\tself-care\n"), "faq.tsv");
        Assert.False(result.HasErrors);
        Assert.Equal("self-care", result.Entries.Single().Topic);
    }

    [Fact]
    public void Empty_question_is_an_error_with_its_line()
    {
        var result = DelimitedImporter.Tsv.Import(new StringReader("question\tanswer\nA?\tB\n\tno question here\n"), "faq.tsv");
        Assert.Equal("faq.tsv:3: error: the 'question' field is empty", result.Diagnostics.Single().ToString());
    }

    [Fact]
    public void Jsonl_reads_arrays_and_source_objects()
    {
        const string jsonl = """
            {"question":"Can I run?","answer":"Yes, slowly.","alternates":["is jogging ok","running with back pain"],"topic":"exercises","source":{"title":"NHS","url":"https://www.nhs.uk/"}}

            {"question":"Heat or ice?","answer":"Either.","alternates":"hot water bottle|cold pack","source":"https://medlineplus.gov/"}
            """;
        var result = new JsonLinesImporter().Import(new StringReader(jsonl), "faq.jsonl");
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal(2, result.Entries.Length);
        Assert.Equal(["is jogging ok", "running with back pain"], result.Entries[0].Alternates);
        Assert.Equal("https://www.nhs.uk/", result.Entries[0].Sources[0].Url);
        Assert.Equal(["hot water bottle", "cold pack"], result.Entries[1].Alternates);
        Assert.Equal("faq.jsonl:3", result.Entries[1].Origin);
    }

    [Fact]
    public void Jsonl_bad_line_is_reported_with_its_number()
    {
        var result = new JsonLinesImporter().Import(new StringReader("{\"question\":\"A?\",\"answer\":\"B\"}\n{\"question\": oops}\n"), "faq.jsonl");
        Assert.True(result.HasErrors);
        Assert.StartsWith("faq.jsonl:2: error: not valid JSON", result.Diagnostics.Single().ToString(), StringComparison.Ordinal);
    }
}
