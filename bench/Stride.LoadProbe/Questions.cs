namespace Stride.LoadProbe;

/// <summary>The question mix: one question per line of a text file, blank lines skipped.</summary>
internal static class Questions
{
    public static List<string> Read(string file) =>
        [.. File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0)];
}
