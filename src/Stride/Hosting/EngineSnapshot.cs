using Stride.Search;

namespace Stride.Hosting;

/// <summary>
/// One loaded generation of Stride's knowledge: the search index and the answer engine over it. Immutable; replaced
/// whole (see <see cref="IndexHolder"/>) when the knowledge base changes, and disposed with its index.
/// </summary>
public sealed class EngineSnapshot : IDisposable
{
    private readonly SearchIndex _index;
    private readonly Lazy<QuestionSuggester> _suggester;

    /// <summary>Wraps an engine and the index it reads; the snapshot owns and disposes the index.</summary>
    public EngineSnapshot(AnswerEngine engine, SearchIndex index, string source)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(index);
        Engine = engine;
        _index = index;
        Source = source;
        LoadedAt = DateTimeOffset.UtcNow;
        _suggester = new Lazy<QuestionSuggester>(() => new QuestionSuggester(engine.KnowledgeBase.Entries), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The engine every host calls.</summary>
    public AnswerEngine Engine { get; }

    /// <summary>Where the knowledge came from, for logs and readiness checks ("kb/", "index /srv/stride").</summary>
    public string Source { get; }

    /// <summary>When this snapshot was loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Autocomplete over this snapshot's stored questions and alternates, built on first use (the
    /// <see cref="EngineRefresher"/> builds it while warming up, so no request pays for it).
    /// </summary>
    public QuestionSuggester Suggester => _suggester.Value;

    /// <summary>How many entries the snapshot answers from.</summary>
    public int EntryCount => _index.Count;

    /// <summary>True once disposed (its index closed); a lease never sees a disposed snapshot.</summary>
    internal bool IsDisposed { get; private set; }

    /// <inheritdoc />
    public void Dispose()
    {
        IsDisposed = true;
        _index.Dispose();
    }
}
