namespace Stride.Evaluation;

/// <summary>
/// Shows how far asking a set of questions has got (a progress bar in the CLI). Evaluation itself prints nothing, so
/// a host decides how, and whether, progress is shown.
/// </summary>
public interface IAskProgress
{
    /// <summary>Runs <paramref name="ask"/>, which reports each question done (1..<paramref name="questions"/>), and returns its result.</summary>
    LiveQaRun Show(int questions, Func<IProgress<int>, LiveQaRun> ask);
}

/// <summary>Shows nothing: for tests and for runs nobody watches.</summary>
public sealed class NoAskProgress : IAskProgress
{
    /// <summary>The one instance (it holds no state).</summary>
    public static NoAskProgress Instance { get; } = new();

    private NoAskProgress()
    {
    }

    /// <inheritdoc />
    public LiveQaRun Show(int questions, Func<IProgress<int>, LiveQaRun> ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return ask(Silent.Instance);
    }

    private sealed class Silent : IProgress<int>
    {
        public static Silent Instance { get; } = new();

        public void Report(int value)
        {
        }
    }
}
