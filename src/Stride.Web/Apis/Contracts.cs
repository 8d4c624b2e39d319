using System.ComponentModel;
using Stride.Hosting;

namespace Stride.Web.Apis;

#pragma warning disable CA1819 // Contract lists are arrays so they serialise and document as plain JSON arrays.

/// <summary>The body of <c>POST /api/ask</c>.</summary>
/// <param name="Question">The question, in the asker's own words (1 to 2,000 characters).</param>
/// <param name="Top">How many answers to return, 1 to 20 (default 3).</param>
public sealed record AskRequest(
    [property: Description("The question, in the asker's own words (1 to 2,000 characters).")] string? Question,
    [property: Description("How many answers to return, 1 to 20 (default 3).")] int? Top = null);

/// <summary>Autocomplete suggestions for what has been typed so far.</summary>
/// <param name="Prefix">What was typed, as received.</param>
/// <param name="Suggestions">Stored questions and alternates that match, best first, at most one per entry.</param>
public sealed record SuggestionsDto(string Prefix, SuggestionDto[] Suggestions);

/// <summary>One suggestion: a stored question or alternate and the entry it opens.</summary>
/// <param name="Text">The question or alternate exactly as stored.</param>
/// <param name="Id">The entry's id (<c>GET /api/entries/{id}</c>).</param>
public sealed record SuggestionDto(string Text, string Id);

/// <summary>One knowledge-base entry with its sources and related entries.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Question">The question exactly as stored.</param>
/// <param name="Alternates">Other ways people ask it.</param>
/// <param name="Answer">The answer: paragraphs separated by blank lines, bullet items as lines starting with "- "; empty for question-only entries.</param>
/// <param name="Topic">The entry's topic.</param>
/// <param name="Sources">Where the answer comes from.</param>
/// <param name="Flags">Problems found on import (truncated, promotional, offTopic, garbled, answerRemoved).</param>
/// <param name="Related">Follow-up entries that exist in the knowledge base.</param>
public sealed record EntryDto(string Id, string Question, string[] Alternates, string Answer, string Topic, SourceDto[] Sources, string[] Flags, RelatedEntryDto[] Related);

/// <summary>A related entry, linking to its own page.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Question">Its question.</param>
/// <param name="Topic">Its topic.</param>
public sealed record RelatedEntryDto(string Id, string Question, string Topic);

/// <summary>Liveness: the process is up.</summary>
/// <param name="Status">Always <c>alive</c>.</param>
public sealed record HealthDto(string Status);

/// <summary>Readiness: whether the knowledge base is loaded and answering.</summary>
/// <param name="Status"><c>ready</c>, <c>loading</c> (first load still running), <c>failed</c> (first load failed) or <c>failing</c> (loaded but not answering).</param>
/// <param name="Source">Where the knowledge came from.</param>
/// <param name="Entries">How many entries it answers from.</param>
/// <param name="LoadedAt">When the serving snapshot was loaded (UTC).</param>
/// <param name="LastReloadError">Why the last (re)load failed; null when it succeeded. A failed reload keeps serving the previous snapshot.</param>
public sealed record ReadinessDto(string Status, string? Source, int? Entries, DateTimeOffset? LoadedAt, string? LastReloadError);

/// <summary>The outcome of a successful reload.</summary>
/// <param name="Source">Where the new knowledge came from.</param>
/// <param name="Entries">How many entries it answers from.</param>
/// <param name="LoadedAt">When it was loaded (UTC).</param>
public sealed record ReloadDto(string Source, int Entries, DateTimeOffset LoadedAt);

#pragma warning restore CA1819
