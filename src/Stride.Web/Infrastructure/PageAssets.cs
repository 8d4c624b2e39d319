using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Stride.Web.Infrastructure;

/// <summary>
/// The pages' CSS and JavaScript (<c>wwwroot/</c> in the source) are embedded in this assembly and served from it, so
/// <c>dotnet run</c>, <c>stride serve</c> and the installed tool serve the same files without a folder beside them.
/// A file asked for with its version (<c>?v=</c>, which <c>asp-append-version</c> adds) may be cached for a year.
/// </summary>
internal static class PageAssets
{
    public static IApplicationBuilder UseStridePageAssets(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(PageAssets).Assembly, "Stride.Web.wwwroot");
        // Tag helpers (asp-append-version) read the web root to hash a file's content into its URL.
        app.Environment.WebRootFileProvider = files;
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers[HeaderNames.CacheControl] = versioned
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=300";
            },
        });
    }
}
