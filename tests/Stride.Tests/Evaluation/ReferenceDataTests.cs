using System.Diagnostics;
using System.IO.Compression;
using Stride.Evaluation;

namespace Stride.Tests.Evaluation;

/// <summary>
/// Where the reference data is looked for, and scripts/get-data's layout logic, run on small local copies of the two
/// repositories it downloads (laid out as they are on GitHub), since this machine has no internet access.
/// </summary>
public sealed class ReferenceDataTests
{
    private const string Qrels = "All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt";
    // The script finds the judged answers by the shape of their file name (All-N-Answers-retrieved-from-MedQuAD.csv).
    private const string JudgedCsv = "All-120-Answers-retrieved-from-MedQuAD.csv";
    private const string LiveQaTest = "TREC-2017-LiveQA-Medical-Test.xml";
    private const string LiveQaSummaries = "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml";

    [Fact]
    public void STRIDE_DATA_comes_first_then_shared_beside_the_repository_then_data_inside_it()
    {
        using var root = new TempFolder();
        var repo = Directory.CreateDirectory(Path.Combine(root.Path, "repo")).FullName;
        var shared = Directory.CreateDirectory(Path.Combine(root.Path, "shared", "seed")).Parent!.FullName;
        var data = Directory.CreateDirectory(Path.Combine(repo, "data", "medquad")).Parent!.FullName;
        var custom = Directory.CreateDirectory(Path.Combine(root.Path, "custom", "seed")).Parent!.FullName;

        Assert.Equal(Path.Combine(custom, "seed"), ReferenceData.Find(repo, "seed", custom));
        Assert.Equal(Path.Combine(shared, "seed"), ReferenceData.Find(repo, "seed", environmentValue: null));
        Assert.Equal(Path.Combine(data, "medquad"), ReferenceData.Find(repo, "medquad", custom));
        Assert.Null(ReferenceData.Find(repo, "liveqa-med-2017", custom));
    }

    [Fact]
    public void Get_data_lays_out_MedQuAD_the_judged_answers_and_LiveQA_where_Stride_looks()
    {
        using var root = new TempFolder();
        var (medquad, liveqa) = RepositoryCopies(root.Path);
        var dest = Path.Combine(root.Path, "data");

        var (exit, output) = RunGetData("--to", dest, "--from", medquad, liveqa);

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(dest, "medquad", "1_CancerGov_QA", "0000001_1.xml")));
        Assert.True(File.Exists(Path.Combine(dest, "medquad", "LICENSE.txt")));
        Assert.Equal(Path.Combine(dest, "medquad", "judged", Qrels), ReferenceData.Find(root.Path, $"medquad/judged/{Qrels}", dest));
        Assert.True(File.Exists(Path.Combine(dest, "medquad", "judged", JudgedCsv)));
        Assert.True(File.Exists(Path.Combine(dest, "liveqa-med-2017", LiveQaSummaries)));
        Assert.True(File.Exists(Path.Combine(dest, "liveqa-med-2017", LiveQaTest)));
        Assert.False(Directory.Exists(Path.Combine(dest, "medquad", "QA-TestSet")), "the zip's own folder is not kept");
        Assert.Empty(Directory.GetDirectories(dest, ".get-data-*"));
        Assert.Contains("seed page is not redistributed", output);
    }

    [Fact]
    public void Get_data_never_replaces_data_that_is_already_there()
    {
        using var root = new TempFolder();
        var (medquad, liveqa) = RepositoryCopies(root.Path);
        var dest = Path.Combine(root.Path, "data");
        var mine = Path.Combine(dest, "medquad", "my-notes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(mine)!);
        File.WriteAllText(mine, "kept");

        var (exit, output) = RunGetData("--to", dest, "--from", medquad, liveqa);

        Assert.True(exit == 0, output);
        Assert.Equal("kept", File.ReadAllText(mine));
        Assert.False(Directory.Exists(Path.Combine(dest, "medquad", "1_CancerGov_QA")), "an existing medquad/ is left alone");
        Assert.True(File.Exists(Path.Combine(dest, "liveqa-med-2017", LiveQaTest)), "the missing part is still fetched");
    }

    [Fact]
    public void Get_data_names_a_missing_file_and_leaves_no_half_done_folder()
    {
        using var root = new TempFolder();
        var (medquad, liveqa) = RepositoryCopies(root.Path);
        File.Delete(Path.Combine(liveqa, "TestDataset", LiveQaSummaries));
        var dest = Path.Combine(root.Path, "data");

        var (exit, output) = RunGetData("--to", dest, "--from", medquad, liveqa);

        Assert.Equal(2, exit);
        Assert.Contains(LiveQaSummaries, output);
        Assert.False(Directory.Exists(Path.Combine(dest, "liveqa-med-2017")));
        Assert.Empty(Directory.GetDirectories(dest, ".get-data-*"));
    }

    [Fact]
    public void Get_data_refuses_an_unknown_option()
    {
        var (exit, output) = RunGetData("--frobnicate");

        Assert.Equal(2, exit);
        Assert.Contains("--frobnicate", output);
    }

    /// <summary>Tiny copies of abachaa/MedQuAD and abachaa/LiveQA_MedicalTask_TREC2017 as laid out on GitHub.</summary>
    private static (string MedQuad, string LiveQa) RepositoryCopies(string folder)
    {
        var medquad = Directory.CreateDirectory(Path.Combine(folder, "MedQuAD")).FullName;
        Directory.CreateDirectory(Path.Combine(medquad, "1_CancerGov_QA"));
        File.WriteAllText(Path.Combine(medquad, "1_CancerGov_QA", "0000001_1.xml"), "<Document id=\"0000001_1\" />");
        Directory.CreateDirectory(Path.Combine(medquad, "11_MPlusDrugs_QA"));
        File.WriteAllText(Path.Combine(medquad, "11_MPlusDrugs_QA", "a.xml"), "<Document id=\"a\" />");
        File.WriteAllText(Path.Combine(medquad, "LICENSE.txt"), "CC BY 4.0");

        var zipSource = Directory.CreateDirectory(Path.Combine(folder, "zip", "QA-TestSet")).FullName;
        File.WriteAllText(Path.Combine(zipSource, Qrels), "1 4-Excellent CancerGov_0000001_1_Sec1.txt\n");
        File.WriteAllText(Path.Combine(zipSource, JudgedCsv), "AnswerID,Answer\n");
        ZipFile.CreateFromDirectory(Path.GetDirectoryName(zipSource)!,
            Path.Combine(medquad, "QA-TestSet-LiveQA-Med-Qrels-2479-Answers.zip"));

        var liveqa = Directory.CreateDirectory(Path.Combine(folder, "LiveQA", "TestDataset")).Parent!.FullName;
        File.WriteAllText(Path.Combine(liveqa, "TestDataset", LiveQaTest), "<LiveQA2017-Medical-Test />");
        File.WriteAllText(Path.Combine(liveqa, "TestDataset", LiveQaSummaries), "<LiveQA2017-Medical-Test />");
        File.WriteAllText(Path.Combine(liveqa, "Readme.txt"), "readme");
        return (medquad, liveqa);
    }

    private static (int Exit, string Output) RunGetData(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "scripts", "get-data"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove(ReferenceData.EnvironmentVariable);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("scripts/get-data did not finish within a minute");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
