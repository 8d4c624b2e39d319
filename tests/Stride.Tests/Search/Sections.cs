using Stride.Knowledge;

namespace Stride.Tests.Search;

/// <summary>Entries shaped like MedQuAD's: one section of a page about a condition or drug, with its focus and question type.</summary>
internal static class Sections
{
    public static KbEntry Section(string id, string focus, string type, string question, string answer, params string[] synonyms) => new()
    {
        Id = id,
        Question = question,
        Answer = answer,
        Topic = type,
        Focus = focus,
        FocusSynonyms = [.. synonyms],
        QuestionType = type,
        Sources = [new SourceLink("Test", "https://example.org/")],
    };
}
