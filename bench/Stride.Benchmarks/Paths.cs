namespace Stride.Benchmarks;

/// <summary>Finds the repository (and ../shared beside it) from wherever BenchmarkDotNet runs the benchmark process.</summary>
public static class Paths
{
    public static string Root { get; } = Find();

    public static string Kb => Path.Combine(Root, "kb");

    public static string Synonyms => Path.Combine(Kb, "synonyms.txt");

    /// <summary>A file of the reference data ($STRIDE_DATA, ../shared or data/; see ReferenceData).</summary>
    public static string Shared(string relative) =>
        Stride.Evaluation.ReferenceData.Find(Root, relative)
        ?? throw new FileNotFoundException(
            $"Benchmark data missing: {relative} ({Stride.Evaluation.ReferenceData.HowToGet})");

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Stride.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the Stride repository.");
    }
}
