using System.CommandLine;
using System.CommandLine.Help;
using Spectre.Console;
using Stride.Cli.Commands;

namespace Stride.Cli;

/// <summary>The <c>stride</c> command line: parses arguments and runs one command (each in <c>Commands/</c>).</summary>
internal static class CliApp
{
    /// <summary>Runs the CLI with the given streams; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var progress = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var context = new CliContext(input, output, error, new EngineLoader(error, progress));

        var root = new Command("stride", "Stride answers questions about lower back pain while walking, from a knowledge base you can read and check.")
        {
            new HelpOption(),
            new VersionOption(),
            AskCommand.Create(context),
            TriageCommand.Create(context),
            IndexCommand.Create(context),
            KbCommand.Create(context),
            EvalCommand.Create(context),
            ServeCommand.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"stride: {problem.Message}");
            }

            error.WriteLine("Run 'stride --help' for usage.");
            return Task.FromResult(ExitCodes.BadInput);
        }

        return InvokeAsync(parse, output, error);
    }

    /// <summary>Runs the chosen command; a file that cannot be read or written is bad input (exit 2), not a crash.</summary>
    private static async Task<int> InvokeAsync(ParseResult parse, TextWriter output, TextWriter error)
    {
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false })
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"stride: error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

}
