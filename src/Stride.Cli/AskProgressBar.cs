using Spectre.Console;
using Stride.Evaluation;

namespace Stride.Cli;

/// <summary>Shows a LiveQA run's progress as a bar on the progress console (stderr), cleared when done.</summary>
internal sealed class AskProgressBar(IAnsiConsole console) : IAskProgress
{
    public LiveQaRun Show(int questions, Func<IProgress<int>, LiveQaRun> ask)
    {
        LiveQaRun? run = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask($"Asking {questions} questions", maxValue: questions);
            run = ask(new Progress<int>(n => task.Value = n));
            task.Value = task.MaxValue;
        });
        return run!;
    }
}
