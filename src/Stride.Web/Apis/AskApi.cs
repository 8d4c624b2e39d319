using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Stride.Hosting;
using Stride.Search;
using Stride.Triage;
using Stride.Web.Infrastructure;

namespace Stride.Web.Apis;

/// <summary><c>/api/ask</c> (GET and POST) and <c>/api/triage</c>: answers and the red-flag check, as <c>stride ask --json</c> prints them.</summary>
public static class AskApi
{
    /// <summary>How many answers a page may hold.</summary>
    public const int MaxTop = 20;

    /// <summary>How many answers a page holds when the request does not say.</summary>
    public const int DefaultTop = 3;

    /// <summary>Maps <c>GET /api/ask</c>, <c>POST /api/ask</c> and <c>GET /api/triage</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapAskApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup(string.Empty).WithTags("Ask");

        group.MapGet("/ask", AskByQuery)
            .WithName("AskGet")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Answer a question")
            .WithDescription("Checks the question for red flags, then answers it from the knowledge base: exactly the object "
                + "`stride ask --json` prints (query, triage, noGoodAnswer, answers with sources and confidence, related "
                + "questions by topic, and eachQuestion when the message asks several). Cacheable: ETag and Cache-Control; "
                + "If-None-Match gives 304.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(Examples.Page, parameters: [("q", Examples.Question), ("top", "3")]);

        group.MapPost("/ask", AskByBody)
            .WithName("AskPost")
            .WithSummary("Answer a question sent in the body")
            .WithDescription("The same answer as `GET /api/ask`, for a question sent as JSON `{\"question\": ..., \"top\": N}` "
                + "(keeps the question out of URLs and server logs). Not cached.")
            .Accepts<AskRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(Examples.Page, Examples.Request);

        group.MapGet("/triage", TriageByQuery)
            .WithName("Triage")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Check a text for red flags")
            .WithDescription("The red-flag check alone (what `stride triage --json` prints): emergency, urgent, routine or "
                + "selfcare, the reasons (rule, the words that fired it, why it matters), the advice of the most urgent "
                + "level and, below emergency, the emergency signs to watch for. Texts up to 5,000 characters.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(Examples.Triage, parameters: [("q", "my back hurts and since this morning I can't pee")]);
        return api;
    }

    /// <summary>Answer a question</summary>
    /// <param name="q">The question, in the asker's own words (1 to 2,000 characters).</param>
    /// <param name="top">How many answers to return, 1 to 20 (default 3).</param>
    /// <param name="holder">The serving knowledge base.</param>
    /// <param name="context">The request.</param>
    public static Results<CachedJsonResult<PageDto>, ValidationProblem, ProblemHttpResult> AskByQuery(
        string? q, int? top, IndexHolder holder, HttpContext context) =>
        Answer(q, "q", top, holder, context);

    /// <summary>Answer a question sent in the body</summary>
    /// <param name="request">The question and how many answers.</param>
    /// <param name="holder">The serving knowledge base.</param>
    /// <param name="context">The request.</param>
    public static Results<CachedJsonResult<PageDto>, ValidationProblem, ProblemHttpResult> AskByBody(
        [FromBody] AskRequest request, IndexHolder holder, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Answer(request.Question, "question", request.Top, holder, context);
    }

    /// <summary>Check a text for red flags</summary>
    /// <param name="q">What the person feels, in their own words (1 to 5,000 characters).</param>
    /// <param name="holder">The serving knowledge base (its red-flag rules).</param>
    /// <param name="context">The request.</param>
    public static Results<CachedJsonResult<TriageDto>, ValidationProblem, ProblemHttpResult> TriageByQuery(
        string? q, IndexHolder holder, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (TriageEngine.Validate(q) is { } problem)
        {
            return Problems.Field("q", problem);
        }

        if (!holder.IsLoaded)
        {
            return Problems.NotReady(context, holder);
        }

        using var lease = holder.Acquire();
        var result = lease.Engine.TriageEngine.Triage(q!);
        context.RecordOutcome(result.Level.Name(), null);
        return CachedJson.Ok(AnswerJson.From(result, q));
    }

    private static Results<CachedJsonResult<PageDto>, ValidationProblem, ProblemHttpResult> Answer(
        string? question, string field, int? top, IndexHolder holder, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (QuestionValidator.Validate(question) is { } problem)
        {
            return Problems.Field(field, problem);
        }

        if (Problems.Range("top", top, 1, MaxTop) is { } badTop)
        {
            return badTop;
        }

        if (!holder.IsLoaded)
        {
            return Problems.NotReady(context, holder);
        }

        // The lease keeps this snapshot alive until the page is built, even if a reload swaps in another meanwhile.
        using var lease = holder.Acquire();
        var page = AnswerJson.From(lease.Engine.Ask(question!, top ?? DefaultTop));
        context.RecordOutcome(page.Triage.Level, page.Answers.Length);
        return CachedJson.Ok(page);
    }
}
