using System.ComponentModel.DataAnnotations;

namespace Stride.Web;

/// <summary>
/// The web host's own settings, bound from the <c>Stride</c> configuration section beside
/// <see cref="Hosting.StrideOptions"/> (<c>Stride:AdminKey</c>, <c>Stride:MaxRequestBodyBytes</c>,
/// <c>Stride:AnswerCacheSeconds</c>, <c>Stride:RateLimit:*</c>). Read when used, so a changed setting applies to the
/// next request (rate limits: to clients first seen after the change; a restart applies them to every client).
/// </summary>
public sealed class StrideWebOptions
{
    /// <summary>The key <c>POST /api/admin/reload</c> wants in its <c>X-Admin-Key</c> header; unset disables it.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Request bodies over this many bytes get 413 (default 16 KiB; a question is at most 2,000 characters).</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How long clients may keep a GET answer (Cache-Control max-age, private), in seconds; 0 means revalidate each time.</summary>
    [Range(0, 86_400)]
    public int AnswerCacheSeconds { get; set; } = 300;

    /// <summary>Per-client (per IP address) limits on <c>/api</c>.</summary>
    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>
    /// Addresses of reverse proxies trusted to say who the client is (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>),
    /// besides the loopback, which is always trusted: behind a proxy every request comes from the proxy, so without
    /// this all clients would share one rate limit. A header from any other address is ignored (it could be forged).
    /// </summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];
}

/// <summary>A fixed window per client IP address: at most <see cref="PermitLimit"/> requests each <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Requests allowed per window and client (default 300: a person typing with autocomplete stays well below).</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 300;

    /// <summary>The window length in seconds (default 60).</summary>
    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests over the limit that wait for the next window instead of getting 429 at once (default 0).</summary>
    [Range(0, 1000)]
    public int QueueLimit { get; set; }
}
