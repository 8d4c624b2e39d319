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
    /// A path in the reference data ($STRIDE_DATA, else ../shared, else data/; see <see cref="Stride.Evaluation.ReferenceData"/>).
    /// When the data is missing (a fresh clone on its own), the calling test is skipped with a reason that says how to
    /// get it, rather than failing.
    /// </summary>
    public static string Shared(string relative)
    {
        var path = Stride.Evaluation.ReferenceData.Find(RepositoryRoot, relative);
        if (path is null)
        {
            Assert.Skip($"needs the reference data file {relative}, which is not here: {Stride.Evaluation.ReferenceData.HowToGet}.");
        }

        return path;
    }

    public static string SeedPage => Shared("seed/000_0b775895b785dff4.txt");

}
