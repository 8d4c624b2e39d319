using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Stride.Hosting;

/// <summary>
/// Puts the configured knowledge into the <see cref="IndexHolder"/>: once at start, and again on each reload. A
/// reload that fails leaves the previous snapshot serving and records why (the web host shows it on <c>/readyz</c>).
/// </summary>
/// <remarks>Thread-safe: concurrent reloads are serialised; readers are never blocked by them.</remarks>
public sealed partial class EngineRefresher : IDisposable
{
    /// <summary>The question asked once after each load, so that caches are built before the first real question.</summary>
    public const string WarmUpQuestion = "Why does my lower back hurt when I walk?";

    private readonly StrideLoader _loader;
    private readonly IndexHolder _holder;
    private readonly IOptionsMonitor<StrideOptions> _options;
    private readonly ILogger<EngineRefresher> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates a refresher that loads with <paramref name="loader"/> into <paramref name="holder"/>.</summary>
    public EngineRefresher(StrideLoader loader, IndexHolder holder, IOptionsMonitor<StrideOptions> options, ILogger<EngineRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _loader = loader;
        _holder = holder;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Loads the knowledge the options name, warms it up (unless <see cref="StrideOptions.WarmUp"/> is off) and swaps it
    /// in. Returns the errors when it fails (the previous snapshot, if any, keeps serving).
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshAsync(IProgress<(int Done, int Total)>? importProgress = null,
        IProgress<(int Done, int Total)>? indexProgress = null, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var options = _options.CurrentValue;
            var loaded = _loader.Load(options, importProgress, indexProgress, embedProgress: indexProgress);
            if (loaded.Value is not { } snapshot)
            {
                _holder.ReportFailedReload(loaded.Errors);
                return loaded.Errors;
            }

            if (options.WarmUp)
            {
                // The first question builds lazy caches (analysed entries, name maps); pay for it here, not in a request.
                snapshot.Engine.Ask(WarmUpQuestion);
                _ = snapshot.Suggester;
            }

            _holder.Swap(snapshot);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            LogRefreshed(_logger, snapshot.Source, elapsed.TotalMilliseconds);
            return [];
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge from {Source} ready in {Milliseconds:F0} ms")]
    private static partial void LogRefreshed(ILogger logger, string source, double milliseconds);
}
