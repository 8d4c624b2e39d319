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
}
