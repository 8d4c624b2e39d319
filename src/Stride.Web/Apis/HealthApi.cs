using Microsoft.AspNetCore.Http.HttpResults;
using Stride.Web.Infrastructure;
using Stride.Hosting;

namespace Stride.Web.Apis;

/// <summary><c>/healthz</c> (the process is alive) and <c>/readyz</c> (the knowledge base is loaded and answering).</summary>
public static class HealthApi
{
    /// <summary>Maps <c>GET /healthz</c> and <c>GET /readyz</c> (outside <c>/api</c>, so never rate-limited).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(string.Empty).WithTags("Health");
        group.MapGet("/healthz", Alive)
            .WithName("Healthz")
            .WithSummary("Liveness")
            .WithDescription("200 while the process runs, whether or not the knowledge base is loaded.")
            .WithExamples(Apis.Examples.Health);
        group.MapGet("/readyz", Ready)
            .WithName("Readyz")
            .WithSummary("Readiness")
            .WithDescription("200 when the knowledge base is loaded and answers a test question; 503 while the first load is "
                + "running or after it failed. Shows the serving source, entry count and load time, and why the last reload "
                + "failed (a failed reload keeps serving the previous knowledge base, so it is still ready).")
            .Produces<ReadinessDto>(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(Apis.Examples.Ready);
        return app;
    }

    /// <summary>Liveness</summary>
    public static Ok<HealthDto> Alive() => TypedResults.Ok(new HealthDto("alive"));

    /// <summary>Readiness</summary>
    /// <param name="holder">The serving knowledge base.</param>
    public static Results<Ok<ReadinessDto>, JsonHttpResult<ReadinessDto>> Ready(IndexHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var error = holder.LastError;
        if (!holder.IsLoaded)
        {
            return TypedResults.Json(new ReadinessDto(error is null ? "loading" : "failed", null, null, null, error),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        using var lease = holder.Acquire();
        var snapshot = lease.Snapshot;
        try
        {
            // Answering, not just loaded: one small question through the whole engine (about a millisecond).
            _ = lease.Engine.Ask(EngineRefresher.WarmUpQuestion, 1);
        }
#pragma warning disable CA1031 // Any failure means not ready; the probe reports it instead of failing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return TypedResults.Json(new ReadinessDto("failing", snapshot.Source, snapshot.EntryCount, snapshot.LoadedAt, ex.Message),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(new ReadinessDto("ready", snapshot.Source, snapshot.EntryCount, snapshot.LoadedAt, error));
    }
}
