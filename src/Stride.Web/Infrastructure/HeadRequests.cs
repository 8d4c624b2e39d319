namespace Stride.Web.Infrastructure;

/// <summary>
/// Answers <c>HEAD</c> like <c>GET</c> without a body (RFC 9110 9.3.2): uptime monitors and link checkers send HEAD,
/// and minimal-API endpoints match GET only. The request is routed as GET, its headers (status, Content-Type, ETag,
/// Cache-Control) are kept, and whatever the endpoint writes is dropped.
/// </summary>
internal sealed class HeadRequestsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }
}
