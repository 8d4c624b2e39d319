namespace Stride.Knowledge;

/// <summary>The topics of Stride's own knowledge base. Imported collections may bring others.</summary>
public static class Topics
{
    /// <summary>Why it hurts.</summary>
    public const string Causes = "causes";

    /// <summary>How to walk well.</summary>
    public const string WalkingTechnique = "walking technique";

    /// <summary>Exercises and stretches.</summary>
    public const string Exercises = "exercises";

    /// <summary>What people can do at home.</summary>
    public const string SelfCare = "self-care";

    /// <summary>When and how urgently to get help.</summary>
    public const string WhenToSeeADoctor = "when to see a doctor";

    /// <summary>How the cause is found.</summary>
    public const string Diagnosis = "diagnosis";

    /// <summary>Medical and other treatment.</summary>
    public const string Treatment = "treatment";

    /// <summary>Used when nothing better is known.</summary>
    public const string General = "general";

    /// <summary>Where <paramref name="topic"/> comes in <see cref="All"/>; topics a collection brings come after Stride's own.</summary>
    public static int Order(string topic)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == topic)
            {
                return i;
            }
        }

        return All.Count;
    }

    /// <summary>All of Stride's own topics, in the order an answer page shows them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Causes, WalkingTechnique, Exercises, SelfCare, WhenToSeeADoctor, Diagnosis, Treatment, General];
}
