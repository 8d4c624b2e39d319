// Shared by every test project (linked in with <Compile Include="..\Shared\*.cs" />), so that finding the repository
// and making throw-away folders are written once.
namespace Stride.Tests.Shared;

/// <summary>Finds the repository root (the folder with <c>Stride.slnx</c>) above the test output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Stride.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Stride.slnx was not found above the test output folder.");
    }
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stride-tests-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>Writes <paramref name="content"/> to a file of the folder and returns its path.</summary>
    public string File(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
