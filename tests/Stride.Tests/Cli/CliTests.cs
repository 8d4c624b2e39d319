using System.Text;
using System.Text.Json;

namespace Stride.Tests.Cli;

/// <summary>The <c>stride</c> command run in-process, with real files.</summary>
public sealed class CliTests
{
    private static Task<CliRun> StrideWithInput(string stdin, params string[] args) => CliRun.Of(stdin, args);

    private static Task<CliRun> Stride(params string[] args) => StrideWithInput(string.Empty, args);

    [Fact]
    public async Task Ask_answers_from_the_built_in_kb_with_source_and_related_questions()
    {
        var run = await Stride("ask", "Why does my lower back hurt when I walk?");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Source: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("https://", run.Output, StringComparison.Ordinal);
        Assert.Contains("Related questions:", run.Output, StringComparison.Ordinal);
        Assert.Contains("not a substitute", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_follows_the_contract()
    {
        var run = await Stride("ask", "is walking good for my back", "--json", "--top", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var root = doc.RootElement;
        Assert.Equal("is walking good for my back", root.GetProperty("query").GetString());
        Assert.False(root.GetProperty("noGoodAnswer").GetBoolean());
        var answers = root.GetProperty("answers");
        Assert.InRange(answers.GetArrayLength(), 1, 2);
        var first = answers[0];
        foreach (var field in new[] { "id", "question", "answer", "topic" })
        {
            Assert.False(string.IsNullOrEmpty(first.GetProperty(field).GetString()), field);
        }

        Assert.StartsWith("https://", first.GetProperty("sources")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("sources")[0].GetProperty("title").GetString()));
        Assert.InRange(first.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.True(first.GetProperty("score").GetDouble() > 0);
        var related = root.GetProperty("related");
        Assert.True(related.GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(related[0].GetProperty("topic").GetString()));
        Assert.False(string.IsNullOrEmpty(related[0].GetProperty("questions")[0].GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Ask_answers_each_question_of_a_message_that_asks_several()
    {
        const string message = "I started walking at lunch. Why does my lower back ache when I walk? And which stretch helps a tight hip flexor?";
        var text = await Stride("ask", message);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("You asked more than one question", text.Output, StringComparison.Ordinal);
        Assert.Contains("2. And which stretch helps a tight hip flexor?", text.Output, StringComparison.Ordinal);

        var json = await Stride("ask", message, "--json");
        using var doc = JsonDocument.Parse(json.Output);
        var each = doc.RootElement.GetProperty("eachQuestion");
        Assert.Equal(2, each.GetArrayLength());
        Assert.Equal("exercises-hip-flexor-stretch", each[1].GetProperty("answer").GetProperty("id").GetString());
        Assert.StartsWith("https://", each[1].GetProperty("answer").GetProperty("sources")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_has_no_per_question_answers_for_one_question()
    {
        var json = await Stride("ask", "is walking good for my back", "--json");
        using var doc = JsonDocument.Parse(json.Output);
        Assert.False(doc.RootElement.TryGetProperty("eachQuestion", out _));
    }

    [Fact]
    public async Task Ask_over_the_seed_page_returns_its_headings_verbatim()
    {
        var run = await Stride("ask", "how long for a pulled back muscle to heal", "--kb", TestPaths.SeedPage, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal("How long does it take for lower back strain to heal?", doc.RootElement.GetProperty("answers")[0].GetProperty("question").GetString());
    }

    [Fact]
    public async Task Unrelated_question_says_there_is_no_good_answer()
    {
        var run = await Stride("ask", "what is the capital of france", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.True(doc.RootElement.GetProperty("noGoodAnswer").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("answers").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_question_is_bad_input(string question)
    {
        var run = await Stride("ask", question);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Missing_question_is_bad_input()
    {
        var run = await Stride("ask");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Question_over_2000_characters_is_bad_input()
    {
        var run = await Stride("ask", new string('x', 2001));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2000", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_kb_file_names_file_and_line_and_loads_nothing()
    {
        using var temp = new TempFolder();
        var file = temp.File("faq.csv", "question,answer\nGood?,Yes.\n\"Broken,answer\n");
        var run = await Stride("ask", "good", "--kb", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:3: error:", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Kb_path_that_does_not_exist_says_so()
    {
        var run = await Stride("ask", "why", "--kb", "/no/such/file.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/file.yaml: error: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_utf8_kb_is_a_clear_error()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "faq.txt");
        File.WriteAllBytes(file, Encoding.Latin1.GetBytes("Why does it hurt?\nBecause of the café.\n"));
        var run = await Stride("ask", "why", "--kb", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:2: error: the text is not UTF-8", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_kb_options_are_combined()
    {
        using var temp = new TempFolder();
        var csv = temp.File("extra.csv", "question,answer,topic,source\nCan I walk my dog with back pain?,\"Yes, on a short lead and at your own pace.\",self-care,https://example.org/dogs\n");
        var run = await Stride("ask", "walking the dog with a bad back", "--kb", TestPaths.KbFolder, "--kb", csv, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal("Can I walk my dog with back pain?", doc.RootElement.GetProperty("answers")[0].GetProperty("question").GetString());
    }

    [Fact]
    public async Task Batch_from_stdin_writes_one_json_line_per_input_line_blank_lines_included()
    {
        var run = await StrideWithInput("why does walking hurt my back\n\nbest shoes for walking\n", "ask", "--batch", "-", "--json");
        Assert.Equal(2, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.True(JsonDocument.Parse(lines[0]).RootElement.TryGetProperty("answers", out _));
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
        Assert.True(JsonDocument.Parse(lines[2]).RootElement.TryGetProperty("answers", out _));
    }

    [Fact]
    public async Task Batch_file_reports_bad_lines_and_answers_the_rest()
    {
        using var temp = new TempFolder();
        var file = temp.File("questions.txt", $"is walking good for back pain\n{new string('y', 2100)}\n");
        var run = await Stride("ask", "--batch", file, "--json");
        Assert.Equal(2, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Index_then_ask_with_the_saved_index()
    {
        using var temp = new TempFolder();
        var indexDir = Path.Combine(temp.Path, "index");
        var built = await Stride("index", "--kb", TestPaths.SeedPage, "--out", indexDir);
        Assert.Equal(0, built.ExitCode);
        Assert.Contains("Indexed", built.Output, StringComparison.Ordinal);

        var direct = await Stride("ask", "spasms when i play golf", "--kb", TestPaths.SeedPage, "--json");
        var fromIndex = await Stride("ask", "spasms when i play golf", "--index", indexDir, "--json");
        Assert.Equal(0, fromIndex.ExitCode);
        Assert.Equal(direct.Output, fromIndex.Output);
    }

    [Fact]
    public async Task Ask_with_a_missing_index_says_so()
    {
        var run = await Stride("ask", "why", "--index", "/no/such/index");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such index folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_of_the_seed_page_fails_and_lists_its_problems()
    {
        var run = await Stride("kb", "lint", TestPaths.SeedPage);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[truncated]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[promotional]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[off-topic]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[garbled]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[mid-ellipsis]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[missing-list]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[run-together]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[low-overlap]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[no-source-link]", run.Output, StringComparison.Ordinal);
        Assert.Contains("mean reading grade", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_of_strides_own_kb_finds_no_errors()
    {
        var run = await Stride("kb", "lint");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(" 0 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_flags_duplicates_and_missing_sources()
    {
        using var temp = new TempFolder();
        var file = temp.File("dupes.csv",
            "question,answer,source\nWhy does my back hurt?,Muscles and joints get tired and sore when you walk a long way.,https://example.org/a\n" +
            "Why does my back hurt?,Muscles and joints get tired and sore when you walk a long way.,https://example.org/b\nIs rest good?,Short rests help but staying active matters more.,\n");
        var run = await Stride("kb", "lint", file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[duplicate]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[no-source]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_converts_to_strides_format_which_loads_back()
    {
        using var temp = new TempFolder();
        var jsonl = temp.File("faq.jsonl", "{\"question\":\"Can I run?\",\"answer\":\"Yes, slowly.\\n\\n- warm up\\n- stop if it hurts more\",\"alternates\":[\"jogging ok\"],\"topic\":\"exercises\",\"source\":\"https://www.nhs.uk/\"}\n");
        var yaml = Path.Combine(temp.Path, "faq.yaml");
        var run = await Stride("kb", "import", jsonl, "--out", yaml);
        Assert.Equal(0, run.ExitCode);
        var back = await Stride("ask", "can i go jogging", "--kb", yaml, "--json");
        Assert.Equal(0, back.ExitCode);
        using var doc = JsonDocument.Parse(back.Output);
        Assert.Equal("Yes, slowly.\n\n- warm up\n- stop if it hurts more", doc.RootElement.GetProperty("answers")[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Format_option_overrides_the_extension()
    {
        using var temp = new TempFolder();
        var file = temp.File("faq.dat", "question\tanswer\nDoes heat help?\tA warm bath can ease stiff muscles.\n");
        var run = await Stride("ask", "warm bath for stiff back", "--kb", file, "--format", "tsv", "--json");
        Assert.Equal(0, run.ExitCode);
        var bad = await Stride("ask", "x", "--kb", file, "--format", "docx");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown format", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_names_the_command_stride()
    {
        var run = await Stride("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stride [command]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_puts_an_emergency_above_everything_else()
    {
        var run = await Stride("ask", "my back hurts and since this morning i cant pee");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("EMERGENCY", run.Output, StringComparison.Ordinal);
        Assert.Contains("999", run.Output.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_carries_the_triage_object()
    {
        var run = await Stride("ask", "fever and backache", "--json");
        using var doc = JsonDocument.Parse(run.Output);
        var triage = doc.RootElement.GetProperty("triage");
        Assert.Equal("urgent", triage.GetProperty("level").GetString());
        var reason = triage.GetProperty("reasons")[0];
        Assert.Equal("fever", reason.GetProperty("rule").GetString());
        Assert.Equal("fever", reason.GetProperty("evidence").GetString());
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("explanation").GetString()));
        Assert.False(string.IsNullOrEmpty(triage.GetProperty("advice").GetString()));
    }

    [Fact]
    public async Task Ask_shows_no_triage_block_for_plain_back_pain()
    {
        var run = await Stride("ask", "why does my lower back ache when I walk");
        Assert.DoesNotContain("EMERGENCY", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("URGENT", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_command_prints_level_reasons_and_advice()
    {
        var run = await Stride("triage", "numb bum and inner thighs with back pain since this morning");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("EMERGENCY", run.Output, StringComparison.Ordinal);
        Assert.Contains("you wrote:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_triage_refuses_a_file_with_no_vignettes()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stride-empty-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(file, "text\tlevel\n", TestContext.Current.CancellationToken);
        try
        {
            var run = await Stride("eval", "triage", file);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("no vignettes", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Triage_batch_writes_json_lines()
    {
        var run = await StrideWithInput("I pee a lot at night\nfever and backache\n", "triage", "--batch", "-", "--json");
        var levels = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("level").GetString()).ToList();
        Assert.Equal(["selfcare", "urgent"], levels);
        var texts = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(["I pee a lot at night", "fever and backache"], texts);
    }

    [Fact]
    public async Task Triage_rejects_empty_and_overlong_text()
    {
        Assert.Equal(2, (await Stride("triage", "")).ExitCode);
        var run = await Stride("triage", new string('a', 5001));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("5000", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_but_answers_and_problems_reach_a_standard_error_that_is_not_a_terminal()
    {
        // A real process with its output piped, as in a script or a log: no progress lines ("Loading knowledge base:
        // 0%") on standard error and no escape sequences anywhere.
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Stride.Cli.dll"));
        start.ArgumentList.Add("ask");
        start.ArgumentList.Add("why does my back hurt when i walk");
        start.Environment.Remove("NO_COLOR");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await error);
        Assert.DoesNotContain('\u001b', await output);
    }

    [Fact]
    public async Task Eval_triage_prints_figures_and_a_confusion_matrix()
    {
        using var temp = new TempFolder();
        var file = temp.File("v.tsv", "text\tlevel\ncant pee and back pain\temergency\nstiff back\tselfcare\nfever and back pain\turgent\n");
        var run = await Stride("eval", "triage", file);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("emergency sensitivity: 100.0 %", run.Output, StringComparison.Ordinal);
        Assert.Contains("expected \\ predicted", run.Output, StringComparison.Ordinal);
        var bad = await Stride("eval", "triage", temp.File("bad.tsv", "text\tlevel\nsomething\tpanic\n"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.tsv:2: unknown level", bad.Error, StringComparison.Ordinal);
    }
}
