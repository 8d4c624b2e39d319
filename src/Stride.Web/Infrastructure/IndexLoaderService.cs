using Stride.Hosting;

namespace Stride.Web.Infrastructure;

/// <summary>
/// Loads the knowledge base once at start, in the background: the server listens at once, and <c>/readyz</c> says
/// "loading" until the first snapshot is in (or "failed" with the reason).
/// </summary>
internal sealed partial class IndexLoaderService(EngineRefresher refresher, IndexHolder holder, ILogger<IndexLoaderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loading is CPU work; keep it off the thread that starts the host.
        await Task.Yield();
        try
        {
            var errors = await Task.Run(() => refresher.RefreshAsync(cancellationToken: stoppingToken), stoppingToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                LogFirstLoadFailed(logger, errors.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the first load finished.
        }
#pragma warning disable CA1031 // Any failure is reported on /readyz rather than stopping the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            holder.ReportFailedReload([$"stride: {ex.Message}"]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The knowledge base could not be loaded ({Count} errors); /readyz says why")]
    private static partial void LogFirstLoadFailed(ILogger logger, int count);
}
