global using Stride.Tests.Shared;

namespace Stride.Tests;

/// <summary>Finds the repository, its kb/ folder and the read-only reference data in ../shared, read in place.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Stride.Tests.Shared.RepositoryRoot.Path;

    public static string KbFolder => Path.Combine(RepositoryRoot, "kb");

    public static string SynonymsFile => Path.Combine(KbFolder, "synonyms.txt");

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>
    /// A path under ../shared. When the reference data is missing (a fresh clone on its own), the calling test is
    /// skipped with a reason that says how to get it, rather than failing.
    /// </summary>
    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", relative));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"needs the reference data at ../shared/{relative}, which is not here. Put the 'shared' folder "
                + "(seed page, MedQuAD, LiveQA-Med judgments; see ../shared/README.md) beside this repository to run it.");
        }

        return path;
    }

    public static string SeedPage => Shared("seed/000_0b775895b785dff4.txt");

}
