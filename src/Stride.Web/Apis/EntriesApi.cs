using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Stride.Hosting;
using Stride.Knowledge;
using Stride.Web.Infrastructure;

namespace Stride.Web.Apis;

/// <summary><c>/api/entries/{id}</c>: one knowledge-base entry, with its sources and related entries.</summary>
public static class EntriesApi
{
    /// <summary>Maps <c>GET /api/entries/{id}</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapEntriesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/entries/{id}", GetEntry)
            .WithTags("Entries")
            .WithName("GetEntry")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Get one entry")
            .WithDescription("One entry of the serving knowledge base by id (the ids answers, related questions and suggestions "
                + "carry): question, alternates, answer, topic, sources, import flags, and the related entries that exist. "
                + "404 problem when there is no such entry. Cacheable.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(Examples.Entry, parameters: [("id", "causes-why-walking-hurts")]);
        return api;
    }

    /// <summary>Get one entry</summary>
    /// <param name="id">The entry's id, for example <c>causes-why-walking-hurts</c>.</param>
    /// <param name="holder">The serving knowledge base.</param>
    /// <param name="context">The request.</param>
    public static Results<CachedJsonResult<EntryDto>, ProblemHttpResult> GetEntry(string id, IndexHolder holder, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (!holder.IsLoaded)
        {
            return Problems.NotReady(context, holder);
        }

        using var lease = holder.Acquire();
        var kb = lease.Engine.KnowledgeBase;
        if (kb.Find(id) is not { } entry)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such entry",
                detail: $"The knowledge base has no entry with id '{id}'.");
        }

        context.RecordOutcome(null, 1);
        return CachedJson.Ok(new EntryDto(
            entry.Id,
            entry.Question,
            [.. entry.Alternates],
            entry.Answer,
            entry.Topic,
            [.. entry.Sources.Select(s => new SourceDto(s.Title, s.Url))],
            [.. entry.Flags.Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()))],
            [.. entry.Related.Select(kb.Find).OfType<KbEntry>().Where(e => !e.IsJunk).Select(e => new RelatedEntryDto(e.Id, e.Question, e.Topic))]));
    }
}
