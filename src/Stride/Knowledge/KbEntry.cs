using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MemoryPack;

namespace Stride.Knowledge;

/// <summary>
/// One question/answer entry of a knowledge base. Immutable: importers create entries, nothing edits them.
/// </summary>
[MemoryPackable]
public sealed partial record KbEntry
{
    /// <summary>Stable id, unique within a knowledge base (for MedQuAD: <c>{source}_{documentId}_Sec{n}</c>, n the pair's place in its file).</summary>
    public required string Id { get; init; }

    /// <summary>The question exactly as stored (for a plain-text FAQ page: the heading line, trimmed).</summary>
    public required string Question { get; init; }

    /// <summary>Other ways people ask the same question.</summary>
    public ImmutableArray<string> Alternates { get; init; } = [];

    /// <summary>The answer: paragraphs separated by blank lines, bullet items as lines starting with <c>- </c>. Empty for question-only entries.</summary>
    public string Answer { get; init; } = string.Empty;

    /// <summary>The topic, one of <see cref="Topics"/> or a topic an imported collection brings.</summary>
    public required string Topic { get; init; }

    /// <summary>Where the answer comes from.</summary>
    public ImmutableArray<SourceLink> Sources { get; init; } = [];

    /// <summary>Problems found when the entry was imported.</summary>
    public ImmutableArray<EntryIssue> Flags { get; init; } = [];

    /// <summary>Ids of follow-up entries ("people also ask").</summary>
    public ImmutableArray<string> Related { get; init; } = [];

    /// <summary>What the question is about (a condition, drug or body part), when the collection names it.</summary>
    public string? Focus { get; init; }

    /// <summary>Other names of <see cref="Focus"/>.</summary>
    public ImmutableArray<string> FocusSynonyms { get; init; } = [];

    /// <summary>The collection's question type (for MedQuAD: <c>treatment</c>, <c>symptoms</c>, ...), if any.</summary>
    public string? QuestionType { get; init; }

    /// <summary>Where the entry was read from, as <c>file:line</c>, for diagnostics.</summary>
    public string? Origin { get; init; }

    /// <summary>True when the entry carries <paramref name="flag"/>.</summary>
    public bool Has(EntryIssue flag) => Flags.Contains(flag);

    /// <summary>True when the entry should never be offered as a good answer (advert, off-topic, garbled).</summary>
    [JsonIgnore]
    [MemoryPackIgnore]
    public bool IsJunk => Has(EntryIssue.Promotional) || Has(EntryIssue.OffTopic) || Has(EntryIssue.Garbled);
}

/// <summary>A link to the page an answer is based on.</summary>
/// <param name="Title">Human-readable title of the page.</param>
/// <param name="Url">Absolute URL of the page.</param>
[MemoryPackable]
public sealed partial record SourceLink(string Title, string Url);

/// <summary>Problems an importer can find in an entry. Flagged entries are kept, never silently trusted.</summary>
public enum EntryIssue
{
    /// <summary>The answer was cut off (it ends with "...").</summary>
    Truncated,

    /// <summary>The entry advertises a clinic or service rather than answering.</summary>
    Promotional,

    /// <summary>The entry is about something else than the collection (for example a COVID notice on a back-pain page).</summary>
    OffTopic,

    /// <summary>The text is garbled (for example a video caption scraped with its timestamps).</summary>
    Garbled,

    /// <summary>The collection removed the answer (copyright); only the question is kept.</summary>
    AnswerRemoved,
}
