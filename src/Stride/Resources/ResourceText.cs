using System.Collections.Immutable;

namespace Stride.Resources;

/// <summary>
/// Reads Stride's data files (word lists and cue patterns) embedded from <c>src/Stride/Resources/</c>. Each is read
/// once by the type that owns it, into immutable collections, so no caller can change what another one sees.
/// </summary>
/// <remarks>
/// The files share one plain format so that they can be reviewed and diffed like code: <c>#</c> starts a comment
/// line, blank lines are ignored. A list file has one item a line. A keyed file has <c>key = value</c> lines; a line
/// that starts with white space continues the value above it (joined without a separator, so long patterns can be
/// broken before a <c>|</c>).
/// </remarks>
internal static class ResourceText
{
    /// <summary>The items of a list file, in order.</summary>
    public static ImmutableArray<string> Lines(string fileName) =>
        [.. Read(fileName).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>The <c>key = value</c> pairs of a keyed file, in order (keys may repeat).</summary>
    public static ImmutableArray<KeyValuePair<string, string>> Pairs(string fileName)
    {
        var pairs = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        string? key = null;
        var value = new System.Text.StringBuilder();
        foreach (var (line, number) in Read(fileName).Select((l, i) => (l, i + 1)))
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                if (key is null)
                {
                    throw new InvalidDataException($"{fileName}:{number}: a continuation line comes before any 'key = value' line");
                }

                value.Append(line.Trim());
                continue;
            }

            Flush();
            var separator = line.IndexOf(" = ", StringComparison.Ordinal);
            var bare = line.TrimEnd();
            if (separator < 0 && bare.EndsWith(" =", StringComparison.Ordinal))
            {
                // "key =" with the value on the indented lines below.
                separator = bare.Length - 2;
            }

            if (separator <= 0)
            {
                throw new InvalidDataException($"{fileName}:{number}: expected 'key = value'");
            }

            key = line[..separator].Trim();
            value.Append(line[Math.Min(line.Length, separator + 3)..].Trim());
        }

        Flush();
        return pairs.ToImmutable();

        void Flush()
        {
            if (key is not null)
            {
                pairs.Add(new(key, value.ToString()));
            }

            key = null;
            value.Clear();
        }
    }

    /// <summary>The value of the one line with <paramref name="key"/> in a keyed file.</summary>
    public static string Value(ImmutableArray<KeyValuePair<string, string>> pairs, string key, string fileName) =>
        pairs.Where(p => p.Key == key).Select(p => p.Value).SingleOrDefault()
        ?? throw new InvalidDataException($"{fileName}: no '{key} = ...' line");

    private static List<string> Read(string fileName)
    {
        using var stream = typeof(ResourceText).Assembly.GetManifestResourceStream(ResourceName(fileName))
            ?? throw new InvalidDataException($"the embedded data file {fileName} is missing from {typeof(ResourceText).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string ResourceName(string fileName) => $"Stride.Resources.{fileName}";

    /// <summary>The names of the embedded data files (for tests that check every file's header).</summary>
    public static IEnumerable<string> FileNames() =>
        typeof(ResourceText).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Stride.Resources.", StringComparison.Ordinal))
            .Select(n => n["Stride.Resources.".Length..]);
}
