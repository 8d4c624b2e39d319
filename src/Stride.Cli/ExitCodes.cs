namespace Stride.Cli;

/// <summary>Process exit codes of the <c>stride</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The command worked and found problems (for example <c>kb lint</c> errors).</summary>
    public const int ProblemsFound = 1;

    /// <summary>The input was bad: empty or too long question, missing or malformed file.</summary>
    public const int BadInput = 2;
}
