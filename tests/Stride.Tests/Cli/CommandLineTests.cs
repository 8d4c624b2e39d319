using Stride.Cli;

namespace Stride.Tests.Cli;

/// <summary>The command line as a product: what it refuses, and how it prints what people and files give it.</summary>
public sealed class CommandLineTests
{
    private static Task<CliRun> Stride(string stdin, params string[] args) => CliRun.Of(stdin, args);

    [Fact]
    public async Task An_unknown_option_is_refused_and_named_instead_of_read_as_the_question()
    {
        var run = await Stride(string.Empty, "ask", "--frobnicate", "why does my back hurt");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("unknown option '--frobnicate'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_unquoted_question_is_joined_into_one()
    {
        var run = await Stride(string.Empty, "triage", "my", "back", "hurts", "and", "i", "cant", "pee", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"level\":\"emergency\"", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task A_top_that_is_not_a_positive_whole_number_says_so_in_words(string top)
    {
        var run = await Stride(string.Empty, "ask", "--top", top, "why does my back hurt");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--top must be a whole number", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Int32", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_and_a_batch_together_are_refused()
    {
        var run = await Stride("why?\n", "ask", "why does it hurt", "--batch", "-");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_echoed_input_never_reach_the_terminal()
    {
        var run = await Stride("why does my back hurt \u001b]0;pwned\u0007 when walking\n", "ask", "--batch", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Q: why does my back hurt ]0;pwned when walking", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
    }

    [Fact]
    public async Task The_length_limit_counts_characters_as_people_see_them()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F622", 1500)) + " my back hurts";
        var run = await Stride(string.Empty, "triage", emoji);
        Assert.Equal(0, run.ExitCode);

        var tooLong = string.Concat(Enumerable.Repeat("\U0001F622", 5001));
        run = await Stride(string.Empty, "triage", tooLong);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("5001 characters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var run = await Stride(string.Empty, "--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public async Task A_damaged_saved_index_is_refused_with_a_rebuild_hint_and_a_folder_not_ours_is_untouched()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "index");
        var foreign = Directory.CreateDirectory(target + ".building").FullName;
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "not Stride's");

        var build = await Stride(string.Empty, "index", "--out", target);
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")), "a folder Stride did not create must survive");
        Assert.Empty(Directory.GetDirectories(temp.Path, "index.stride-*"));

        var ok = await Stride(string.Empty, "ask", "--index", target, "why does my back hurt when I walk");
        Assert.Equal(0, ok.ExitCode);

        // Truncate the largest file, as a disk-full copy would.
        var largest = new DirectoryInfo(target).GetFiles().Where(f => f.Name != "stride-index.json").OrderByDescending(f => f.Length).First();
        using (var stream = largest.Open(FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var damaged = await Stride(string.Empty, "ask", "--index", target, "why does my back hurt");
        Assert.Equal(ExitCodes.BadInput, damaged.ExitCode);
        Assert.Contains("damaged or from another version", damaged.Error, StringComparison.Ordinal);
        Assert.Contains("stride index", damaged.Error, StringComparison.Ordinal);

        var rebuilt = await Stride(string.Empty, "index", "--out", target);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Error);
        Assert.Equal(0, (await Stride(string.Empty, "ask", "--index", target, "why does my back hurt")).ExitCode);
    }
}
