namespace Stride.Search;

/// <summary>Names of the Lucene fields Stride writes.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Ordinal = "ord";
    public const string Question = "question";
    public const string Alternates = "alternates";
    public const string Answer = "answer";
    public const string Focus = "focus";
    public const string FocusKey = "focuskey";
    public const string Topic = "topic";
    public const string All = "all";

    public const string CommitName = "stride.kb.name";
    public const string CommitVersion = "stride.kb.version";
    public const string CommitHash = "stride.kb.hash";
    public const string CommitSynonyms = "stride.synonyms";
    public const string CommitFormat = "stride.index.format";
    // 2: entries and focus names saved beside the Lucene files (IndexLoadData), no longer as stored fields.
    // 3: those two files as MemoryPack binary instead of JSON (three times faster to open).
    public const string FormatVersion = "3";
}
