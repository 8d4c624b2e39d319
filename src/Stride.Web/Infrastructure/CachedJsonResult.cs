using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Stride.Hosting;

namespace Stride.Web.Infrastructure;

/// <summary>
/// A 200 JSON response written with Stride's JSON contract (<see cref="AnswerJson.Options"/>, the bytes
/// <c>stride ask --json</c> prints) and, for GET and HEAD, validators: a weak <c>ETag</c> over the body and
/// <c>Cache-Control: private, max-age</c>. A request whose <c>If-None-Match</c> matches gets 304 without a body.
/// </summary>
/// <typeparam name="T">The contract type.</typeparam>
public sealed class CachedJsonResult<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult, IEndpointMetadataProvider
{
    internal CachedJsonResult(T value) => Value = value;

    /// <inheritdoc />
    public T Value { get; }

    /// <inheritdoc />
    object? IValueHttpResult.Value => Value;

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc />
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, AnswerJson.Options);
        var response = httpContext.Response;
        var request = httpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            // Weak, because response compression changes the bytes on the wire but not the meaning.
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"", isWeak: true);
            var seconds = httpContext.RequestServices.GetRequiredService<IOptionsMonitor<StrideWebOptions>>().CurrentValue.AnswerCacheSeconds;
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = seconds > 0 ? $"private, max-age={seconds}" : "private, no-cache";
            if (Matches(request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>True when the request's <c>If-None-Match</c> names <paramref name="etag"/> (weak comparison) or is <c>*</c>.</summary>
    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag)
    {
        var header = request.GetTypedHeaders().IfNoneMatch;
        return header.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }

    /// <inheritdoc />
#pragma warning disable CA1000 // IEndpointMetadataProvider is a static abstract interface member: it must be here.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
#pragma warning restore CA1000
}

/// <summary>Creates <see cref="CachedJsonResult{T}"/>s, like <see cref="TypedResults"/>.</summary>
public static class CachedJson
{
    /// <summary>200 with <paramref name="value"/> as Stride's contract JSON, with an ETag and Cache-Control on GET.</summary>
    public static CachedJsonResult<T> Ok<T>(T value) => new(value);
}
