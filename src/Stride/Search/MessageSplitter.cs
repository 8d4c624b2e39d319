using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Stride.Resources;

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
public static class MessageSplitter
{
    /// <summary>A topic line has at most this many words, and no one in it ("Ear wax.", not "I walk at lunch.").</summary>
    private const int TopicWords = 6;

    /// <summary>The sentences of <paramref name="message"/> in order, each with its role.</summary>
    public static IReadOnlyList<MessageSentence> Split(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sentences = new List<MessageSentence>();
        foreach (var piece in SentenceBreak.Split(message))
        {
            var text = piece.Trim();
            if (!text.Any(char.IsLetter))
            {
                continue;
            }

            var role = IsQuestion(text) ? SentenceRole.Question
                : sentences.Count == 0 && WordCount(text) <= TopicWords && !Personal.IsMatch(text) ? SentenceRole.Topic
                : SentenceRole.Context;
            sentences.Add(new MessageSentence(text, role));
        }

        return sentences;
    }

    /// <summary>The questions of <paramref name="message"/>: each sentence that asks something.</summary>
    public static IReadOnlyList<string> Questions(string message) =>
        [.. Split(message).Where(s => s.Role == SentenceRole.Question).Select(s => s.Text)];

    // A question mark, an opening that reads as a question, an unfinished sentence that opens like one, or a request
    // (the cue file says which words count). "When I bend it hurts." and "Had an MRI." are story.
    private static bool IsQuestion(string sentence) =>
        sentence.EndsWith('?')
        || QuestionOpening.IsMatch(sentence)
        || (!sentence.EndsWith('.') && !sentence.EndsWith('!') && UnfinishedQuestionOpening.IsMatch(sentence))
        || Request.IsMatch(sentence);

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    // The cues are data (Resources/message-cues.v1.txt), read and compiled once: every query is split.
    private const string CueFile = "message-cues.v1.txt";
    private static readonly ImmutableArray<KeyValuePair<string, string>> Cues = ResourceText.Pairs(CueFile);
    private static readonly Regex SentenceBreak = Cue("sentence-break", RegexOptions.CultureInvariant);
    private static readonly Regex Personal = Cue("personal", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex QuestionOpening = Cue("question-opening", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex UnfinishedQuestionOpening = Cue("unfinished-question-opening", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Request = Cue("request", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex Cue(string name, RegexOptions options) => new(ResourceText.Value(Cues, name, CueFile), options | RegexOptions.Compiled);
}
