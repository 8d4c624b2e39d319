using System.Text.RegularExpressions;

namespace Stride.Knowledge;

/// <summary>
/// Gives an imported entry with no topic one of Stride's topics, from the words of its question.
/// Rules are tried in order; the first that matches wins, so the more specific rules come first.
/// </summary>
public static partial class TopicGuesser
{
    private static readonly (Regex Pattern, string Topic)[] Rules =
    [
        (WhenToSeeADoctor(), Topics.WhenToSeeADoctor),
        (Causes(), Topics.Causes),
        (Diagnosis(), Topics.Diagnosis),
        (Exercises(), Topics.Exercises),
        (WalkingTechnique(), Topics.WalkingTechnique),
        (SelfCare(), Topics.SelfCare),
        (Treatment(), Topics.Treatment),
    ];

    /// <summary>Returns the topic that best fits <paramref name="question"/>, or <see cref="Topics.General"/>.</summary>
    public static string Guess(string question)
    {
        foreach (var (pattern, topic) in Rules)
        {
            if (pattern.IsMatch(question))
            {
                return topic;
            }
        }

        return Topics.General;
    }

    [GeneratedRegex(@"\b(see (?:a|your) (?:doctor|gp|physician)|when to see|appointment|emergency|red flags?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhenToSeeADoctor();

    [GeneratedRegex(@"\b(diagnos\w*|symptoms?|x-?rays?|mri|ct scan|tests?|how to tell|what is|what are)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Diagnosis();

    [GeneratedRegex(@"\b(exercis\w*|stretch\w*|strengthen\w*|strong)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Exercises();

    [GeneratedRegex(@"\b(walk properly|posture|stride|shoulders?|neck|balance|locked knee|footwear|shoes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WalkingTechnique();

    [GeneratedRegex(@"\b(home|ice|heat|sleep\w*|keep walking|prevent\w*|reduce)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelfCare();

    [GeneratedRegex(@"\b(treat\w*|therap\w*|cortisone|medic\w*|surgery|injections?|stop|get rid|help)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Treatment();

    [GeneratedRegex(@"\b(why|cause[sd]?|causing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Causes();
}
