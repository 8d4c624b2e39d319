using Microsoft.AspNetCore.Http.HttpResults;
using Stride.Hosting;

namespace Stride.Web.Infrastructure;

/// <summary>RFC 9457 problem responses the handlers share, so each error reads the same everywhere.</summary>
internal static class Problems
{
    /// <summary>400 naming the field that is wrong, with the reason (the validation message of the core).</summary>
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            detail: $"{field}: {message}",
            title: $"The '{field}' value is not valid");

    /// <summary>400 for a whole number outside its range, or null when <paramref name="value"/> is fine.</summary>
    public static ValidationProblem? Range(string field, int? value, int min, int max) =>
        value is { } v && (v < min || v > max) ? Field(field, $"must be a whole number from {min} to {max}; it was {v}") : null;

    /// <summary>503 with <c>Retry-After</c> while the first knowledge base is loading (or failed to load).</summary>
    public static ProblemHttpResult NotReady(HttpContext context, IndexHolder holder)
    {
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            detail: holder.LastError is { } error
                ? $"The knowledge base could not be loaded: {error}"
                : "The knowledge base is still loading; try again in a few seconds.");
    }
}
