namespace Stride.Web.Infrastructure;

/// <summary>
/// Security headers on Stride's pages and files: a strict Content-Security-Policy (scripts, styles, images and
/// requests from this origin only: no inline script or style, no plug-ins, no framing, forms post here only),
/// <c>Referrer-Policy: no-referrer</c> (a question in the address is health data: a source link never carries it to
/// another site) and a frame ban. The Scalar API reference (Development only) loads its own inline code and is left
/// out.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The policy every page is served with.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        }

        return next(context);
    }
}
