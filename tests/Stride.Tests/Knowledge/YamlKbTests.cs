using Stride.Knowledge;
using Stride.Knowledge.Importers;

namespace Stride.Tests.Knowledge;

public sealed class YamlKbTests
{
    [Fact]
    public void Missing_fields_are_reported_with_the_entry_line()
    {
        const string yaml = "entries:\n  - id: a\n    topic: causes\n    question: Why?\n    answer: Because.\n  - id: b\n    answer: No question here.\n";
        var result = new YamlKbImporter().Import(new StringReader(yaml), "kb.yaml");
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Line == 6 && d.Message.Contains("'question'", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_yaml_names_its_line()
    {
        var result = new YamlKbImporter().Import(new StringReader("entries:\n  - id: a\n    question: [unclosed\n"), "kb.yaml");
        Assert.True(result.HasErrors);
        Assert.True(result.Diagnostics[0].Line >= 3);
    }

    [Fact]
    public void Yaml_the_parser_gives_up_on_is_an_error_not_a_crash()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) on this unclosed bracket and quote.
        var result = new YamlKbImporter().Import(new StringReader("entries:\n  - id: [unclosed\n    question: \"no end\n"), "kb.yaml");
        Assert.True(result.HasErrors);
        Assert.Contains("not valid YAML", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_errors_so_typos_are_caught()
    {
        var result = new YamlKbImporter().Import(new StringReader("entries:\n  - id: a\n    topic: causes\n    question: Why?\n    answr: typo\n"), "kb.yaml");
        Assert.Contains(result.Diagnostics, d => d.Line == 5 && d.Message.Contains("answr", StringComparison.Ordinal));
    }

    [Fact]
    public void Writer_output_reads_back_to_the_same_entries()
    {
        using var reader = File.OpenText(TestPaths.SeedPage);
        var seed = new FaqTextImporter().Import(reader, "seed.txt").Entries;
        var text = new StringWriter();
        YamlKbWriter.Write(text, "seed", "1", seed);
        var back = new YamlKbImporter().Import(new StringReader(text.ToString()), "seed.yaml");
        Assert.False(back.HasErrors, string.Join('\n', back.Diagnostics.Take(3)));
        Assert.Equal("seed", back.Name);
        Assert.Equal(seed.Length, back.Entries.Length);
        for (var i = 0; i < seed.Length; i++)
        {
            Assert.Equal(seed[i].Id, back.Entries[i].Id);
            Assert.Equal(seed[i].Question, back.Entries[i].Question);
            Assert.Equal(seed[i].Answer, back.Entries[i].Answer);
            Assert.Equal(seed[i].Flags, back.Entries[i].Flags);
        }
    }
}
