namespace Stride.Knowledge;

/// <summary>Reads one knowledge-base file format from text. Importers never touch the file system.</summary>
public interface IKbImporter
{
    /// <summary>The format this importer reads.</summary>
    KbFormat Format { get; }

    /// <summary>Reads entries from <paramref name="reader"/>; <paramref name="sourceName"/> names the input in diagnostics and ids.</summary>
    ImportResult Import(TextReader reader, string sourceName);
}

/// <summary>The knowledge-base formats Stride reads.</summary>
public enum KbFormat
{
    /// <summary>Stride's own YAML format (<c>kb/entries/*.yaml</c>).</summary>
    Yaml,

    /// <summary>A plain-text FAQ page: heading lines followed by body lines and <c>- </c> bullets.</summary>
    FaqText,

    /// <summary>MedQuAD XML: one <c>Document</c> per file with <c>QAPair</c> elements.</summary>
    MedQuad,

    /// <summary>JSON Lines with fields question, answer, alternates, topic, source.</summary>
    JsonLines,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row.</summary>
    Tsv,
}
