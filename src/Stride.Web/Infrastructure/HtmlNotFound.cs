namespace Stride.Web.Infrastructure;

/// <summary>
/// A browser that asks for a page that does not exist (a GET outside <c>/api</c> whose <c>Accept</c> names
/// <c>text/html</c>) gets a small HTML "page not found" with links home; every other client keeps the RFC 9457 problem
/// the status-code pages write by default.
/// </summary>
internal static class HtmlNotFound
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Page not found - Stride</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
            <header class="site-header">
                <div class="wrap header-row">
                    <a class="brand" href="/" aria-label="Stride home">Stride</a>
                    <nav aria-label="Main"><ul class="nav-list"><li><a href="/">Ask</a></li><li><a href="/topics">Topics</a></li></ul></nav>
                </div>
            </header>
            <main id="main" class="wrap">
                <h1>Page not found</h1>
                <p>There is no page at this address. Check it for a typing mistake, or start again.</p>
                <p><a href="/">Ask a question</a> or <a href="/topics">browse every question by topic</a>.</p>
            </main>
            <footer class="site-footer">
                <div class="wrap"><p><strong>In an emergency call 999 (UK) or 911 (US).</strong> For urgent advice in the UK call NHS 111.</p></div>
            </footer>
        </body>
        </html>
        """;

    /// <summary>The status-code pages: the HTML page for a browser's 404, the default (a problem) for everything else.</summary>
    public static StatusCodePagesOptions Options()
    {
        var fallback = new StatusCodePagesOptions().HandleAsync;
        return new StatusCodePagesOptions
        {
            HandleAsync = context => WantsHtml(context.HttpContext) ? WriteAsync(context.HttpContext) : fallback(context),
        };
    }

    private static bool WantsHtml(HttpContext context)
    {
        var request = context.Request;
        return context.Response.StatusCode == StatusCodes.Status404NotFound
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    private static Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(Html, context.RequestAborted);
    }
}
