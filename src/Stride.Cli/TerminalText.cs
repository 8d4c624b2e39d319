using System.Text;

namespace Stride.Cli;

/// <summary>
/// Makes text safe to print on a terminal: control characters from a knowledge base or from echoed input could
/// otherwise clear the screen, move the cursor or set the window title.
/// </summary>
internal static class TerminalText
{
    /// <summary>Drops control characters (C0, DEL and C1), keeping line breaks and tabs.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>A writer that passes text through <see cref="Clean"/>; <paramref name="inner"/> stays open.</summary>
    public static TextWriter Guard(TextWriter inner) => inner is GuardedWriter ? inner : new GuardedWriter(inner);

    private static bool IsUnsafe(char c) => c is not ('\n' or '\t') && (char.IsControl(c) || c == '\u001b');

    private sealed class GuardedWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (!IsUnsafe(value))
            {
                inner.Write(value);
            }
        }

        public override void Write(string? value) => inner.Write(value is null ? null : Clean(value));

        public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : Clean(value));

        public override void WriteLine() => inner.WriteLine();

        public override void Flush() => inner.Flush();
    }
}
