using System.Collections.Immutable;
using Stride.Resources;

namespace Stride.Search;

/// <summary>
/// The MedQuAD section labels (question types) that have a role in ranking, read once from
/// <c>Resources/medquad-sections.v1.txt</c>.
/// </summary>
internal static class MedQuadSections
{
    private const string FileName = "medquad-sections.v1.txt";

    private static readonly ImmutableArray<KeyValuePair<string, string>> Pairs = ResourceText.Pairs(FileName);

    /// <summary>The section on what causes a condition ("causes").</summary>
    public static string Causes { get; } = ResourceText.Value(Pairs, "causes", FileName);

    /// <summary>The general section, wanted only when nothing more specific is asked ("information").</summary>
    public static string Information { get; } = ResourceText.Value(Pairs, "information", FileName);

    /// <summary>Sections that answer no question in particular ("other information", "brand names").</summary>
    public static ImmutableArray<string> CatchAll { get; } =
        [.. ResourceText.Value(Pairs, "catch-all", FileName).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
