namespace Stride.Evaluation;

/// <summary>
/// Finds the external reference data (the seed page, MedQuAD, the LiveQA-Med questions and judgments) that the
/// evaluations, tests and benchmarks read in place. It is never part of the repository: it lives in the folder named
/// by <c>STRIDE_DATA</c>, else in <c>../shared</c> beside the repository, else in <c>data/</c> inside it (where
/// <c>scripts/get-data</c> puts it). All three use one layout: <c>seed/</c>, <c>medquad/</c> (with
/// <c>medquad/judged/</c>) and <c>liveqa-med-2017/</c>.
/// </summary>
public static class ReferenceData
{
    /// <summary>The environment variable that names the reference data folder.</summary>
    public const string EnvironmentVariable = "STRIDE_DATA";

    /// <summary>How to get the data, for messages shown when it is missing.</summary>
    public const string HowToGet =
        "run scripts/get-data (downloads MedQuAD and LiveQA-Med into data/), or set STRIDE_DATA to a folder with "
        + "seed/, medquad/ and liveqa-med-2017/, or put the 'shared' folder beside the repository; the seed page "
        + "is not redistributed";

    /// <summary>
    /// The folders searched, in order: <c>$STRIDE_DATA</c> (when set), <c>../shared</c> and <c>data/</c> next to
    /// <paramref name="repositoryRoot"/>.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string repositoryRoot, string? environmentValue)
    {
        var folders = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            folders.Add(Path.GetFullPath(environmentValue));
        }

        folders.Add(Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared")));
        folders.Add(Path.GetFullPath(Path.Combine(repositoryRoot, "data")));
        return folders;
    }

    /// <summary>
    /// The path of <paramref name="relative"/> (for example <c>medquad/judged/...</c>) in the first candidate folder
    /// that has it, or <see langword="null"/> when none has it.
    /// </summary>
    /// <remarks>
    /// The first folder that has the file wins, so that a partial <c>data/</c> (MedQuAD without the seed page)
    /// still serves what it holds while <c>../shared</c> serves the rest.
    /// </remarks>
    public static string? Find(string repositoryRoot, string relative) =>
        Find(repositoryRoot, relative, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary><see cref="Find(string, string)"/> with the environment value given (for tests).</summary>
    public static string? Find(string repositoryRoot, string relative, string? environmentValue)
    {
        foreach (var folder in Candidates(repositoryRoot, environmentValue))
        {
            var path = Path.GetFullPath(Path.Combine(folder, relative));
            if (File.Exists(path) || Directory.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
