using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Stride.Web.Infrastructure;

/// <summary>
/// Refuses request bodies over <see cref="StrideWebOptions.MaxRequestBodyBytes"/> with a 413 problem before anything
/// reads them (a declared Content-Length), and caps bodies of unknown length at the server (Kestrel) for the rest.
/// Also marks every response <c>X-Content-Type-Options: nosniff</c>, so JSON carrying typed text is never run as HTML.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptionsMonitor<StrideWebOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var max = options.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body is {context.Request.ContentLength} bytes; the limit is {max}.",
                },
            }).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        await next(context).ConfigureAwait(false);
    }
}
