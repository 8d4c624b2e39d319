using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Stride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Stride.Hosting;

namespace Stride.Web.Apis;

/// <summary><c>/api/admin/reload</c>: reloads the knowledge base without stopping, behind a key from configuration.</summary>
public static class AdminApi
{
    /// <summary>The header that carries the admin key.</summary>
    public const string KeyHeader = "X-Admin-Key";

    /// <summary>Maps <c>POST /api/admin/reload</c> onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/admin/reload", Reload)
            .WithTags("Admin")
            .WithName("Reload")
            .WithSummary("Reload the knowledge base")
            .WithDescription("Loads the configured knowledge base again, warms it up and swaps it in; questions in flight finish "
                + "on the old one. Needs the `X-Admin-Key` header equal to `Stride:AdminKey` (404 when that is not set: "
                + "reloading is then disabled). A reload that fails keeps the previous knowledge base serving, answers 500 "
                + "with the errors, and shows them on /readyz until a reload succeeds.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithExamples(Examples.Reload, parameters: [(KeyHeader, "change-me")]);
        return api;
    }

    /// <summary>Reload the knowledge base</summary>
    /// <param name="key">The admin key (header <c>X-Admin-Key</c>).</param>
    /// <param name="options">The web settings (the expected key).</param>
    /// <param name="refresher">Loads, warms up and swaps.</param>
    /// <param name="holder">The serving knowledge base.</param>
    public static async Task<Results<Ok<ReloadDto>, ProblemHttpResult>> Reload(
        [FromHeader(Name = KeyHeader)] string? key, IOptionsMonitor<StrideWebOptions> options, EngineRefresher refresher, IndexHolder holder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(refresher);
        ArgumentNullException.ThrowIfNull(holder);
        var expected = options.CurrentValue.AdminKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "Reloading is disabled: set Stride:AdminKey to enable it.");
        }

        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key missing",
                detail: $"Send the admin key in the {KeyHeader} header.");
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong admin key",
                detail: $"The {KeyHeader} header does not match Stride:AdminKey.");
        }

        IReadOnlyList<string> errors;
        try
        {
            // Not cancelled with the request: a reload half done is wasted work, and nothing is swapped until it is whole.
            errors = await refresher.RefreshAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A reload that throws is a failed reload: the old snapshot keeps serving and /readyz says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors = [$"stride: {ex.Message}"];
            holder.ReportFailedReload(errors);
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Reload failed",
                detail: "The knowledge base could not be reloaded; the previous one is still serving. " + string.Join("; ", errors.Take(5)),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors.Take(50).ToArray() });
        }

        var now = holder.Describe()!.Value;
        return TypedResults.Ok(new ReloadDto(now.Source, now.Entries, now.LoadedAt));
    }
}
