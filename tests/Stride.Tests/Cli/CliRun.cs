using Stride.Cli;

namespace Stride.Tests.Cli;

/// <summary>What one in-process run of the <c>stride</c> command gave.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>stride</c> in-process with <paramref name="stdin"/> as standard input.</summary>
    public static async Task<CliRun> Of(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(stdin), output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
