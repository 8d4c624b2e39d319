namespace Stride.Hosting;

/// <summary>
/// Where Stride's knowledge comes from, bound from the <c>Stride</c> configuration section (or built from command-line
/// flags): a saved index, or knowledge-base files imported at start; the synonym map and the red-flag rules. Every
/// path left empty falls back to Stride's own <c>kb/</c> folder (see <see cref="KbLocator"/>).
/// </summary>
public sealed class StrideOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Stride";

    /// <summary>Knowledge-base files or folders to import; empty means Stride's own KB.</summary>
    public IList<string> KbPaths { get; init; } = [];

    /// <summary>A folder written by <c>stride index</c>; when set, it is opened instead of importing files.</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>The format of every KB file (a <see cref="Knowledge.KbFormat"/> name); null guesses per file.</summary>
    public string? Format { get; set; }

    /// <summary>The synonym map; null uses the default KB's <c>synonyms.txt</c>, or none.</summary>
    public string? SynonymsFile { get; set; }

    /// <summary>The red-flag rules; null uses the default KB's <c>triage-rules.yaml</c>.</summary>
    public string? TriageRulesFile { get; set; }

    /// <summary>
    /// Where entry vectors for semantic search are cached between runs; null uses the user's cache folder
    /// (<see cref="Search.Semantic.VectorCache.DefaultFolder"/>).
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// Whether a load asks a warm-up question and builds the autocomplete before the engine is served (default true).
    /// A server wants that, so that its first request does not pay for lazy caches; the CLI turns it off, since it asks
    /// its own question straight away and never suggests (on MedQuAD the autocomplete alone costs about 0.25 s).
    /// </summary>
    public bool WarmUp { get; set; } = true;
}
