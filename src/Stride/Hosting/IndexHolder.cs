using Microsoft.Extensions.Logging;

namespace Stride.Hosting;

/// <summary>
/// Holds the current <see cref="EngineSnapshot"/> and swaps in a new one atomically. Readers take a lease
/// (<see cref="Acquire"/>) without locking; a swap publishes the new snapshot at once, and the old one is disposed
/// when its last lease ends, so a question in flight always finishes on the snapshot it started with.
/// </summary>
/// <remarks>Thread-safe: one instance serves every request of a web host.</remarks>
public sealed partial class IndexHolder : IDisposable
{
    private readonly ILogger<IndexHolder> _logger;
    private Generation? _current;
    private string? _lastError;

    /// <summary>Creates an empty holder; <see cref="Swap"/> loads the first snapshot.</summary>
    public IndexHolder(ILogger<IndexHolder> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>True once a snapshot has been loaded.</summary>
    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>The current snapshot's source, entry count and load time, or null before the first load.</summary>
    public (string Source, int Entries, DateTimeOffset LoadedAt)? Describe() =>
        Volatile.Read(ref _current) is { } g ? (g.Snapshot.Source, g.Snapshot.EntryCount, g.Snapshot.LoadedAt) : null;

    /// <summary>Why the last reload failed (the old snapshot kept serving), or null when it succeeded.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>
    /// A lease on the current snapshot: use its <see cref="EngineLease.Engine"/>, then dispose the lease. Never blocks.
    /// </summary>
    /// <exception cref="InvalidOperationException">No snapshot has been loaded yet.</exception>
    public EngineLease Acquire()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current)
                ?? throw new InvalidOperationException("No knowledge base is loaded yet.");
            if (generation.TryAddReader())
            {
                return new EngineLease(generation);
            }

            // That snapshot was retired and its last reader left between the read and the lease: read the new one.
        }
    }

    /// <summary>Publishes <paramref name="next"/>; the previous snapshot is disposed once its last lease ends.</summary>
    public void Swap(EngineSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, new Generation(next));
        Volatile.Write(ref _lastError, null);
        LogSwapped(_logger, next.Source, next.EntryCount);
        previous?.Release();
    }

    /// <summary>Records that a reload failed; the current snapshot keeps serving.</summary>
    public void ReportFailedReload(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var message = string.Join("; ", errors.Take(5));
        Volatile.Write(ref _lastError, message);
        LogReloadFailed(_logger, message);
    }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge loaded from {Source}: {Entries} entries")]
    private static partial void LogSwapped(ILogger logger, string source, int entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reload failed, still serving the previous knowledge base: {Errors}")]
    private static partial void LogReloadFailed(ILogger logger, string errors);

    /// <summary>A snapshot with a count of its readers; the holder's own reference counts as one.</summary>
    internal sealed class Generation(EngineSnapshot snapshot)
    {
        private int _readers = 1;

        public EngineSnapshot Snapshot { get; } = snapshot;

        public bool TryAddReader()
        {
            while (true)
            {
                var readers = Volatile.Read(ref _readers);
                if (readers == 0)
                {
                    return false; // already disposed
                }

                if (Interlocked.CompareExchange(ref _readers, readers + 1, readers) == readers)
                {
                    return true;
                }
            }
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _readers) == 0)
            {
                Snapshot.Dispose();
            }
        }
    }
}

/// <summary>A reader's hold on one snapshot; dispose it when the answer is built.</summary>
public sealed class EngineLease : IDisposable
{
    private IndexHolder.Generation? _generation;

    internal EngineLease(IndexHolder.Generation generation) => _generation = generation;

    /// <summary>The snapshot this lease holds.</summary>
    public EngineSnapshot Snapshot => (_generation ?? throw new ObjectDisposedException(nameof(EngineLease))).Snapshot;

    /// <summary>The answer engine of the held snapshot.</summary>
    public Search.AnswerEngine Engine => Snapshot.Engine;

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _generation, null)?.Release();
}
