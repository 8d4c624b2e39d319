namespace Stride.Search.Pipeline;

/// <summary>How "long" a message is for ranking: 0 up to a short message's length, 1 from a long one's, linear between.</summary>
internal static class MessageLength
{
    /// <summary>
    /// 0 for messages of at most <see cref="SearchOptions.ShortMessageWords"/> words, 1 from
    /// <see cref="SearchOptions.LongMessageWords"/>. A long, rambling message is matched differently from a short question.
    /// </summary>
    public static double LongShare(SearchOptions options, int wordCount) =>
        Math.Clamp((wordCount - options.ShortMessageWords) / (double)(options.LongMessageWords - options.ShortMessageWords), 0, 1);
}
