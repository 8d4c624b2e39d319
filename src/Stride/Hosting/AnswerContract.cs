namespace Stride.Hosting;

#pragma warning disable CA1819 // The contract's lists are arrays so they serialise and document as plain JSON arrays.

/// <summary>An answer page: the red-flag check first, then answers, related questions and each question's answer.</summary>
public sealed record PageDto(string Query, TriageDto Triage, bool NoGoodAnswer, AnswerDto[] Answers, RelatedDto[] Related, EachQuestionDto[]? EachQuestion);

/// <summary>One question of a message that asks several, with its best answer (null when none is good enough).</summary>
public sealed record EachQuestionDto(string Question, EachAnswerDto? Answer);

/// <summary>The best answer to one question of several.</summary>
public sealed record EachAnswerDto(string Id, string Question, string Topic, SourceDto[] Sources, double Confidence);

/// <summary>The red-flag check: level, reasons, the advice of that level, and the emergency signs below emergency.</summary>
public sealed record TriageDto(string Level, ReasonDto[] Reasons, string Advice, string[]? EmergencyChecklist)
{
    /// <summary><c>false</c> when the message did not read as English and nothing could be checked; absent otherwise.</summary>
    public bool? Understood { get; init; }

    /// <summary>The text that was checked, when triage was asked for on its own (an answer page has it as <c>query</c>).</summary>
    public string? Text { get; init; }
}

/// <summary>One red flag found: the rule, its level, the words that fired it and why it matters.</summary>
public sealed record ReasonDto(string Rule, string Level, string Evidence, string Explanation);

/// <summary>One answer with its sources, score and confidence.</summary>
public sealed record AnswerDto(string Id, string Question, string Answer, string Topic, SourceDto[] Sources, double Score, double Confidence, string[] Flags);

/// <summary>Where an answer comes from.</summary>
public sealed record SourceDto(string Title, string Url);

/// <summary>Related questions of one topic.</summary>
public sealed record RelatedDto(string Topic, RelatedQuestionDto[] Questions);

/// <summary>A related question, linking to its entry.</summary>
public sealed record RelatedQuestionDto(string Id, string Question);

/// <summary>A question that was refused, with why.</summary>
public sealed record ErrorDto(string Query, string Error);

#pragma warning restore CA1819
