using Stride.Knowledge.Importers;

namespace Stride.Knowledge;

/// <summary>Chooses an importer from a file's extension or, failing that, its first characters.</summary>
public static class KbFormats
{
    /// <summary>File extensions Stride imports, each with its format.</summary>
    public static IReadOnlyDictionary<string, KbFormat> ByExtension { get; } = new Dictionary<string, KbFormat>(StringComparer.OrdinalIgnoreCase)
    {
        [".yaml"] = KbFormat.Yaml,
        [".yml"] = KbFormat.Yaml,
        [".txt"] = KbFormat.FaqText,
        [".xml"] = KbFormat.MedQuad,
        [".jsonl"] = KbFormat.JsonLines,
        [".ndjson"] = KbFormat.JsonLines,
        [".csv"] = KbFormat.Csv,
        [".tsv"] = KbFormat.Tsv,
    };

    /// <summary>Parses a <c>--format</c> value such as <c>yaml</c>, <c>faq</c>, <c>medquad</c>, <c>jsonl</c>, <c>csv</c> or <c>tsv</c>.</summary>
    public static KbFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "yaml" or "yml" or "stride" => KbFormat.Yaml,
        "faq" or "text" or "txt" or "faqtext" => KbFormat.FaqText,
        "medquad" or "xml" => KbFormat.MedQuad,
        "jsonl" or "jsonlines" or "ndjson" => KbFormat.JsonLines,
        "csv" => KbFormat.Csv,
        "tsv" => KbFormat.Tsv,
        _ => null,
    };

    /// <summary>Guesses the format of a file from its name, then from its first non-blank characters.</summary>
    public static KbFormat Detect(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(head);
        if (ByExtension.TryGetValue(Path.GetExtension(fileName), out var format))
        {
            return format;
        }

        var text = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var firstLine = text.Split('\n')[0];
        return text switch
        {
            _ when text.StartsWith('<') => KbFormat.MedQuad,
            _ when text.StartsWith('{') => KbFormat.JsonLines,
            _ when text.StartsWith("entries:", StringComparison.Ordinal) || text.StartsWith("name:", StringComparison.Ordinal) => KbFormat.Yaml,
            _ when firstLine.Contains('\t', StringComparison.Ordinal) && firstLine.Contains("question", StringComparison.OrdinalIgnoreCase) => KbFormat.Tsv,
            _ when firstLine.Contains(',', StringComparison.Ordinal) && firstLine.Contains("question", StringComparison.OrdinalIgnoreCase) => KbFormat.Csv,
            _ => KbFormat.FaqText,
        };
    }

    /// <summary>The importer for <paramref name="format"/>.</summary>
    public static IKbImporter ImporterFor(KbFormat format) => format switch
    {
        KbFormat.Yaml => new YamlKbImporter(),
        KbFormat.FaqText => new FaqTextImporter(),
        KbFormat.MedQuad => new MedQuadXmlImporter(),
        KbFormat.JsonLines => new JsonLinesImporter(),
        KbFormat.Csv => DelimitedImporter.Csv,
        KbFormat.Tsv => DelimitedImporter.Tsv,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };
}
