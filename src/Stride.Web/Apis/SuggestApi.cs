using Microsoft.AspNetCore.Http.HttpResults;
using Stride.Hosting;
using Stride.Search;
using Stride.Web.Infrastructure;

namespace Stride.Web.Apis;

/// <summary><c>/api/suggest</c>: autocomplete over the stored questions and their alternates, per keystroke.</summary>
public static class SuggestApi
{
    /// <summary>How many suggestions a response holds when the request does not say.</summary>
    public const int DefaultLimit = 8;

    /// <summary>Maps <c>GET /api/suggest</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapSuggestApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/suggest", Suggest)
            .WithTags("Suggest")
            .WithName("Suggest")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Autocomplete a question")
            .WithDescription("Stored questions and alternates that match what has been typed so far, best first, at most one "
                + "per entry. Every word typed must match a word of the suggestion (the last one as a prefix), with one typo "
                + "allowed in a word no stored question has, from 3 letters on (two from 8). Prefixes up to 200 characters; limit 1 to 20 (default 8). Cacheable.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(Examples.Suggestions, parameters: [("prefix", "why does my back h"), ("limit", "8")]);
        return api;
    }

    /// <summary>Autocomplete a question</summary>
    /// <param name="prefix">What has been typed so far (1 to 200 characters).</param>
    /// <param name="limit">How many suggestions, 1 to 20 (default 8).</param>
    /// <param name="holder">The serving knowledge base.</param>
    /// <param name="context">The request.</param>
    public static Results<CachedJsonResult<SuggestionsDto>, ValidationProblem, ProblemHttpResult> Suggest(
        string? prefix, int? limit, IndexHolder holder, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return Problems.Field("prefix", "is empty: send what has been typed so far");
        }

        if (prefix.Length > QuestionSuggester.MaxPrefixLength)
        {
            return Problems.Field("prefix", $"is {prefix.Length} characters long; the limit is {QuestionSuggester.MaxPrefixLength}");
        }

        if (Problems.Range("limit", limit, 1, QuestionSuggester.MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        if (!holder.IsLoaded)
        {
            return Problems.NotReady(context, holder);
        }

        using var lease = holder.Acquire();
        var suggestions = lease.Snapshot.Suggester.Suggest(prefix, limit ?? DefaultLimit);
        context.RecordOutcome(null, suggestions.Count);
        return CachedJson.Ok(new SuggestionsDto(prefix, [.. suggestions.Select(s => new SuggestionDto(s.Text, s.EntryId))]));
    }
}
