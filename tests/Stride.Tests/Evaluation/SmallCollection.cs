using Stride.Knowledge;
using Stride.Search;

namespace Stride.Tests.Evaluation;

/// <summary>Three entries worked through by hand in the evaluation tests.</summary>
internal static class SmallCollection
{
    public static KnowledgeBase Create() => KnowledgeBase.Create("small", "1",
    [
        Entry("a", "Sciatica", "What is sciatica?", "Pain along the sciatic nerve down the leg."),
        Entry("b", "Back pain", "What causes back pain?", "Strained muscles and ligaments."),
        Entry("c", "Neck pain", "What is neck pain?", string.Empty),
    ]).KnowledgeBase!;

    public static SearchIndex Index(KnowledgeBase kb) => SearchIndex.Build(kb, File.ReadAllText(TestPaths.SynonymsFile));

    private static KbEntry Entry(string id, string focus, string question, string answer) => new()
    {
        Id = id,
        Question = question,
        Answer = answer,
        Topic = "information",
        Focus = focus,
        QuestionType = "information",
    };
}
