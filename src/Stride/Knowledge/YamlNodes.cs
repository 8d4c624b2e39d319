using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stride.Knowledge;

/// <summary>Small readers over YamlDotNet's node tree, shared by every YAML file Stride reads (KB entries, triage rules).</summary>
internal static class YamlNodes
{
    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The scalar under <paramref name="key"/>, or null.</summary>
    public static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    /// <summary>The 1-based line a node starts on, for diagnostics.</summary>
    public static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>
    /// Parses <paramref name="reader"/> as YAML; on bad input returns null and the error with its line, never throws.
    /// </summary>
    public static YamlStream? Load(TextReader reader, string sourceName, out ImportDiagnostic? error)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
            error = null;
            return stream;
        }
        catch (YamlException ex)
        {
            error = ImportDiagnostic.Error(sourceName, (int)ex.Start.Line, $"not valid YAML: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some broken input (an unclosed bracket
            // or quote at the end of the file); it is bad input all the same, not a crash.
            error = ImportDiagnostic.Error(sourceName, 1, "not valid YAML: the file ends inside an unclosed quote, bracket or brace");
        }
        catch (ArgumentException ex)
        {
            // And this on some damaged structure (a stray ':' turning a list into an unsupported event), found by the
            // importer property tests.
            error = ImportDiagnostic.Error(sourceName, 1, $"not valid YAML: {ex.Message}");
        }

        return null;
    }
}
