using System.Diagnostics;

namespace Stride.Web.Infrastructure;

/// <summary>What a handler found worth logging about its request: never the question itself (it is health data).</summary>
internal sealed class RequestOutcome
{
    private static readonly object Key = new();

    public string? TriageLevel { get; set; }

    public int? Answers { get; set; }

    public static RequestOutcome For(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var value) && value is RequestOutcome outcome)
        {
            return outcome;
        }

        outcome = new RequestOutcome();
        context.Items[Key] = outcome;
        return outcome;
    }

    public static RequestOutcome? Find(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) ? value as RequestOutcome : null;
}

/// <summary>Notes a request's triage level and answer count for the request log.</summary>
public static class RequestOutcomeExtensions
{
    /// <summary>Records the triage level and the number of answers of this request's response.</summary>
    public static void RecordOutcome(this HttpContext context, string? triageLevel, int? answers)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = RequestOutcome.For(context);
        outcome.TriageLevel = triageLevel;
        outcome.Answers = answers;
    }
}

/// <summary>
/// Writes one Information line per request: method, path, status, triage level, number of answers and elapsed
/// milliseconds. The query string and body are never logged (questions are health data); for a request no route
/// matched, the path is not logged either, since anything can be typed there.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var path = context.GetEndpoint() is null ? "(no route)" : context.Request.Path.Value ?? "/";
            var outcome = RequestOutcome.Find(context);
            LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, outcome?.TriageLevel ?? "-", outcome?.Answers ?? 0, elapsed);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Method} {Path} {StatusCode} triage={TriageLevel} answers={AnswerCount} in {ElapsedMs:F1} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, string triageLevel, int answerCount, double elapsedMs);
}
