using System.Text.RegularExpressions;

namespace Stride.Search;

/// <summary>What one sentence of a message does.</summary>
public enum SentenceRole
{
    /// <summary>Background: the story around the question ("I was diagnosed in 2012 and my doctor said ...").</summary>
    Context,

    /// <summary>A question or request ("Is it safe to ...?", "Please tell me about ...").</summary>
    Question,

    /// <summary>A short opening line naming the topic, like an e-mail subject ("Ear wax.").</summary>
    Topic,
}

/// <summary>One sentence of a message with its role.</summary>
/// <param name="Text">The sentence as written, trimmed.</param>
/// <param name="Role">Whether it asks, names the topic, or tells the story.</param>
public sealed record MessageSentence(string Text, SentenceRole Role);

/// <summary>
/// Splits a consumer message into sentences and tells the questions from the story around them. Real messages are
/// long: a few sentences of history, then one or more questions. The words of the questions say what answer is
/// wanted; the history mostly adds noise ("car accident", "insurance", "my son").
/// </summary>
public static partial class MessageSplitter
{
    /// <summary>A topic line has at most this many words, and no one in it ("Ear wax.", not "I walk at lunch.").</summary>
    private const int TopicWords = 6;

    /// <summary>The sentences of <paramref name="message"/> in order, each with its role.</summary>
    public static IReadOnlyList<MessageSentence> Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sentences = new List<MessageSentence>();
        foreach (var piece in SentenceBreak().Split(message))
        {
            var text = piece.Trim();
            if (!text.Any(char.IsLetter))
            {
                continue;
            }

            var role = IsQuestion(text) ? SentenceRole.Question
                : sentences.Count == 0 && WordCount(text) <= TopicWords && !Personal().IsMatch(text) ? SentenceRole.Topic
                : SentenceRole.Context;
            sentences.Add(new MessageSentence(text, role));
        }

        return sentences;
    }

    /// <summary>The questions of <paramref name="message"/>: each sentence that asks something.</summary>
    public static IReadOnlyList<string> Questions(string message) =>
        [.. Split(message).Where(s => s.Role == SentenceRole.Question).Select(s => s.Text)];

    // Without a question mark, an opening counts only when it reads as a question: a question word with a verb
    // ("what are the symptoms.") or a verb with its subject ("is it safe"), or two such verbs joined by "or" ("could or
    // does smoke cause it."). "When I bend it hurts." and "Had an MRI." are story.
    // People often leave the question mark out altogether ("can arrhythmia come back after ablation"): an unfinished
    // sentence that opens with a question word or a verb that asks counts too.
    private static bool IsQuestion(string sentence) =>
        sentence.EndsWith('?')
        || QuestionOpening().IsMatch(sentence)
        || (!sentence.EndsWith('.') && !sentence.EndsWith('!') && UnfinishedQuestionOpening().IsMatch(sentence))
        || Request().IsMatch(sentence);

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    // A sentence ends at . ! or ? before a space, after an ellipsis ("gums...dentist"), or at a line break; not after
    // a common abbreviation ("Dr. Smith", "heat vs. ice", "e.g. ibuprofen"). "5.5%" stays whole.
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:[Dd]rs?|[Mm]rs?|[Mm]s|[Pp]rof|[Ss]t|vs|[Ee]\.g|[Ii]\.e|etc|approx|[Nn]o)\.)\s+|(?<=\.\.)(?=[A-Za-z])|(?<=\?)(?=[A-Za-z])|[\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(i|i'm|im|i've|my|me|we|our|us|you|your|he|she|his|her|him|they|their|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Personal();

    [GeneratedRegex(@"^\W*(?:(?:can|could|does|do|did|is|are|should|would|will|may|might)\s+(?:or|and)\s+(?:can|could|does|do|did|is|are|should|would|will|may|might)\b|(?:what|what's|whats|why|how|where|which|who|when)\s+(?:is|are|was|were|do|does|did|can|could|should|would|will|may|might|has|have|to|causes?|happens?|kinds?|types?|sorts?|much|many|long|often|exactly|else)\b|(?:is|are|am|was|were|can|could|does|do|did|should|would|will|may|might|has|have|shall)\s+(?:i|it|this|that|there|these|those|you|we|he|she|they|my|your|his|her|our|their|a|an|the|someone|anyone|people|one)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"^\W*(what|what's|whats|why|how|where|which|who|is|are|can|could|does|do|did|should|would|will|shall)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnfinishedQuestionOpening();

    [GeneratedRegex(@"\b(i (want|would like|need|wish) to (know|learn|find out|understand)|i'?m (wondering|trying to find)|i was wondering|wonder(ing)? (if|whether|why|how|what)|please (tell|explain|send|advise|help|inform|let me know)|(can|could|would|will) (you|someone|anyone) (please )?(tell|explain|advise|help)|^\W*any (ideas|advice|suggestions|information)|(do you have|is there|are there|have you got) any (ideas|advice|suggestions|information)|looking for (information|info|help)|(need|want|would like) (information|info|advice)|request\w* (information|info|further))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
