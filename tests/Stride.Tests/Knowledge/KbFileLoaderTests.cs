using Stride.Knowledge;

namespace Stride.Tests.Knowledge;

public sealed class KbFileLoaderTests
{
    [Fact]
    public void Stride_kb_folder_loads_with_its_manifest_name()
    {
        var load = KbFileLoader.Load([TestPaths.KbFolder]);
        Assert.NotNull(load.KnowledgeBase);
        Assert.Equal("stride", load.KnowledgeBase!.Name);
        Assert.True(load.KnowledgeBase.Entries.Length >= 20);
        Assert.Equal(64, load.KnowledgeBase.ContentHash.Length);
    }

    [Fact]
    public void One_malformed_file_means_nothing_is_loaded()
    {
        using var temp = new TempFolder();
        temp.File("good.csv", "question,answer\nWhy?,Because.\n");
        temp.File("bad.jsonl", "{\"question\":\"A?\",\"answer\":\"B\"}\nnot json\n");
        var load = KbFileLoader.Load([temp.Path]);
        Assert.Null(load.KnowledgeBase);
        Assert.Contains(load.Errors, e => e.Source.EndsWith("bad.jsonl", StringComparison.Ordinal) && e.Line == 2);
    }

    [Fact]
    public void A_device_is_refused_without_reading_it()
    {
        var load = KbFileLoader.Load(["/dev/zero"], KbFormat.Yaml);
        Assert.Null(load.KnowledgeBase);
        Assert.Contains("not a regular file", load.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "kb.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Run aside so that a regression (opening the pipe) fails the test instead of hanging the suite.
        var load = await Task.Run(() => KbFileLoader.Load([fifo]), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Null(load.KnowledgeBase);
        Assert.Contains("not a regular file", load.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_inside_a_folder_are_not_followed()
    {
        using var temp = new TempFolder();
        temp.File("entries.csv", "question,answer\nWhy?,Because.\n");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "self"), temp.Path);
        using var outside = new TempFolder();
        outside.File("secret.csv", "question,answer\nOutside?,Yes.\n");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "up"), outside.Path);

        var load = KbFileLoader.Load([temp.Path]);
        Assert.NotNull(load.KnowledgeBase);
        Assert.Equal(["Why?"], load.KnowledgeBase!.Entries.Select(e => e.Question));
    }

    [Fact]
    public void An_entry_without_an_answer_is_an_error_unless_flagged_as_removed()
    {
        using var temp = new TempFolder();
        var missing = temp.File("missing.yaml", "entries:\n  - id: a\n    topic: walking\n    question: Why?\n    sources: [{ title: NHS, url: \"https://www.nhs.uk/\" }]\n");
        var load = KbFileLoader.Load([missing]);
        Assert.Null(load.KnowledgeBase);
        Assert.Contains(load.Errors, e => e.Line == 2 && e.Message.Contains("no 'answer'", StringComparison.Ordinal));

        var removed = temp.File("removed.yaml", "entries:\n  - id: a\n    topic: walking\n    question: Why?\n    flags: [answerRemoved]\n    sources: [{ title: NHS, url: \"https://www.nhs.uk/\" }]\n");
        Assert.NotNull(KbFileLoader.Load([removed]).KnowledgeBase);

        var csv = temp.File("rows.csv", "question,answer\nWhy?,\n");
        Assert.Contains(KbFileLoader.Load([csv]).Errors, e => e.Line == 2 && e.Message.Contains("'answer' field is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_that_does_not_exist_says_so()
    {
        var load = KbFileLoader.Load(["/no/such/kb.yaml"]);
        Assert.Null(load.KnowledgeBase);
        Assert.Contains("no such file or folder", load.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_utf8_text_is_an_error_naming_the_line()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "latin1.txt");
        File.WriteAllBytes(file, [.. "Why does it hurt?\nBecause of the caf"u8.ToArray(), 0xE9, .. "\n"u8.ToArray()]);
        var load = KbFileLoader.Load([file]);
        Assert.Null(load.KnowledgeBase);
        var error = load.Errors.Single();
        Assert.Equal(2, error.Line);
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_across_files_are_rejected()
    {
        using var temp = new TempFolder();
        temp.File("a.csv", "id,question,answer\nx,Why?,Because.\n");
        temp.File("b.csv", "id,question,answer\nx,How?,Like this.\n");
        var load = KbFileLoader.Load([temp.Path]);
        Assert.Null(load.KnowledgeBase);
        Assert.Contains("duplicate id 'x'", load.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.dat", "<Document id=\"1\" source=\"S\"/>", KbFormat.MedQuad)]
    [InlineData("x.dat", "{\"question\":\"a\"}", KbFormat.JsonLines)]
    [InlineData("x.dat", "question\tanswer\n", KbFormat.Tsv)]
    [InlineData("x.dat", "question,answer\n", KbFormat.Csv)]
    [InlineData("x.dat", "entries:\n", KbFormat.Yaml)]
    [InlineData("x.dat", "Why?\nBecause.", KbFormat.FaqText)]
    [InlineData("x.csv", "anything", KbFormat.Csv)]
    public void Format_is_chosen_from_extension_then_content(string name, string head, KbFormat expected) =>
        Assert.Equal(expected, KbFormats.Detect(name, head));
}
