using System.Diagnostics;

namespace Stride.Tests.Cli;

/// <summary><c>stride</c> as an installed .NET tool: packed, installed into a temporary tool path, run from elsewhere.</summary>
public sealed class ToolPackageTests
{
    private static async Task<(int ExitCode, string Output, string Error)> Run(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tool must find its own KB, not one named by the environment of whoever runs the tests.
        start.Environment.Remove("STRIDE_KB_DIR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_packed_tool_installs_and_answers_from_its_own_KB_outside_the_repository()
    {
        using var temp = new TempFolder();
        var packages = Path.Combine(temp.Path, "packages");
        var tools = Path.Combine(temp.Path, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere")).FullName;
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Stride.Cli", "Stride.Cli.csproj");

        // The test run has just built the CLI in Release; pack that build.
        var pack = await Run("dotnet", TestPaths.RepositoryRoot, "pack", project, "-c", "Release", "--no-build", "-o", packages);
        Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);

        var install = await Run("dotnet", elsewhere, "tool", "install", "Stride.Cli", "--tool-path", tools, "--add-source", packages);
        Assert.True(install.ExitCode == 0, install.Output + install.Error);

        var stride = Path.Combine(tools, OperatingSystem.IsWindows() ? "stride.exe" : "stride");
        var version = await Run(stride, elsewhere, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);

        var ask = await Run(stride, elsewhere, "ask", "Why does my lower back hurt when I walk?");
        Assert.True(ask.ExitCode == 0, ask.Error);
        Assert.Contains("Source: ", ask.Output, StringComparison.Ordinal);
        Assert.Contains("not a substitute", ask.Output, StringComparison.Ordinal);
    }
}
