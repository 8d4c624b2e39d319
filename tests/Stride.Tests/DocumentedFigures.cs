using System.Globalization;
using System.Text.RegularExpressions;

namespace Stride.Tests;

/// <summary>
/// Figures as docs/benchmarks.md states them, so that tests hold the code to what the docs claim (and a change of
/// either without the other fails).
/// </summary>
internal static class DocumentedFigures
{
    /// <summary>How far a measured figure may be from the documented one: the docs round to three decimals.</summary>
    public const double Tolerance = 0.005;

    private static readonly Lazy<string[]> Lines = new(() =>
        File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "docs", "benchmarks.md")));

    /// <summary>
    /// The numbers of every row (by its label, without ** and backticks) of the first table in the docs whose header
    /// starts with <paramref name="firstHeader"/> and has a row starting with <paramref name="rowLabel"/>, by column header.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Row(string firstHeader, string rowLabel)
    {
        foreach (var table in Tables(firstHeader))
        {
            var header = table[0];
            foreach (var row in table.Skip(2).Where(r => r[0].StartsWith(rowLabel, StringComparison.Ordinal)))
            {
                return header.Zip(row).Skip(1)
                    .Where(c => double.TryParse(c.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    .ToDictionary(c => c.First, c => double.Parse(c.Second, CultureInfo.InvariantCulture), StringComparer.Ordinal);
            }
        }

        throw new InvalidOperationException($"docs/benchmarks.md has no table headed '{firstHeader}' with a row '{rowLabel}'");
    }

    /// <summary>The data rows of the first table whose header starts with <paramref name="firstHeader"/>, as cells.</summary>
    public static IReadOnlyList<string[]> Rows(string firstHeader) =>
        [.. (Tables(firstHeader).FirstOrDefault() ?? throw new InvalidOperationException($"docs/benchmarks.md has no table headed '{firstHeader}'")).Skip(2)];

    /// <summary>The number the one group of <paramref name="pattern"/> finds in the docs' text (lines joined by spaces).</summary>
    public static double Number(string pattern)
    {
        var match = Regex.Match(string.Join(' ', Lines.Value), pattern);
        Assert.True(match.Success, $"docs/benchmarks.md no longer says /{pattern}/");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Asserts that <paramref name="actual"/> is the documented <paramref name="expected"/> within <see cref="Tolerance"/>.</summary>
    public static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance,
            $"{what}: measured {actual.ToString("F3", CultureInfo.InvariantCulture)}, docs/benchmarks.md says {expected.ToString("F3", CultureInfo.InvariantCulture)}");

    private static IEnumerable<List<string[]>> Tables(string firstHeader)
    {
        List<string[]>? table = null;
        foreach (var line in Lines.Value.Append(string.Empty))
        {
            if (line.StartsWith('|'))
            {
                var cells = Cells(line);
                if (table is null && cells[0] == firstHeader)
                {
                    table = [cells];
                }
                else
                {
                    table?.Add(cells);
                }
            }
            else if (table is not null)
            {
                yield return table;
                table = null;
            }
        }
    }

    private static string[] Cells(string line) =>
        [.. line.Trim().Trim('|').Split('|').Select(c => c.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Trim())];
}
