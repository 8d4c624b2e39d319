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

    private static bool IsQuestion(string sentence) =>
        sentence.EndsWith('?') || QuestionOpening().IsMatch(sentence) || Request().IsMatch(sentence);

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    // A sentence ends at . ! or ? before a space, after an ellipsis ("gums...dentist"), or at a line break. "e.g. "
    // splits a sentence in two, which does no harm to weighting words; "5.5%" and "Dr.Smith" stay whole.
    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=\.\.)(?=[A-Za-z])|(?<=\?)(?=[A-Za-z])|[\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(i|i'm|im|i've|my|me|we|our|us|you|your|he|she|his|her|him|they|their|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Personal();

    [GeneratedRegex(@"^\W*(what|what's|whats|why|how|when|where|which|who|whom|whose|is|are|am|was|were|can|could|does|do|did|should|would|will|may|might|has|have|had|shall)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"\b(i (want|would like|need|wish) to (know|learn|find out|understand)|i'?m (wondering|trying to find)|i was wondering|wonder(ing)? (if|whether|why|how|what)|please (tell|explain|send|advise|help|inform|let me know)|tell me|any (ideas|advice|suggestions|information)|looking for (information|info|help)|(need|want|would like) (information|info|advice)|request\w* (information|info|further))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
