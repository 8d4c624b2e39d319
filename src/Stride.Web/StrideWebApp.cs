using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Stride.Hosting;
using Stride.Web.Apis;
using Stride.Web.Infrastructure;

namespace Stride.Web;

/// <summary>
/// Builds Stride's web app: the one place both <c>dotnet run --project src/Stride.Web</c> and <c>stride serve</c> get it
/// from. <see cref="AddStrideWeb"/> registers services, <see cref="UseStrideWeb"/> the middleware and
/// <see cref="MapStrideWeb"/> the endpoints: the HTML pages (Razor Pages in <c>Pages/</c>: <c>/</c>, <c>/ask</c>,
/// <c>/entries/{id}</c>, <c>/topics</c>) beside the JSON API, both over the same engine.
/// </summary>
public sealed class StrideWebApp
{
    /// <summary>Where the app listens when nothing else is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The rate-limiting policy on <c>/api</c>: a fixed window per client IP address.</summary>
    public const string PerClientPolicy = "per-client";

    /// <summary>The query parameters bound as whole numbers.</summary>
    private static readonly string[] NumberParameters = ["top", "limit"];

    private StrideWebApp()
    {
    }

    /// <summary>
    /// Builds the app from <paramref name="args"/> (standard ASP.NET Core configuration: appsettings, environment,
    /// command line) with <paramref name="settings"/> laid on top (what <c>stride serve</c> turns its flags into).
    /// </summary>
    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Started from another program (stride serve), the app is still Stride.Web (static assets, pages).
            ApplicationName = typeof(StrideWebApp).Assembly.GetName().Name,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        AddStrideWeb(builder);
        var app = builder.Build();
        UseStrideWeb(app);
        MapStrideWeb(app);
        return app;
    }

    /// <summary>
    /// Registers Stride (<see cref="StrideServiceCollectionExtensions.AddStride"/>), the web settings
    /// (<see cref="StrideWebOptions"/>), the start-up load, Razor Pages, problem details, JSON as the contract writes
    /// it, rate limiting, response compression, OpenAPI, and the logging filters that keep questions out of the logs.
    /// </summary>
    public static WebApplicationBuilder AddStrideWeb(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddStride(builder.Configuration);
        services.AddOptions<StrideWebOptions>().Bind(builder.Configuration.GetSection(StrideOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.RateLimit is { PermitLimit: >= 1, WindowSeconds: >= 1, QueueLimit: >= 0 },
                "Stride:RateLimit needs PermitLimit and WindowSeconds of 1 or more, and QueueLimit of 0 or more")
            .ValidateOnStart();
        services.AddHostedService<IndexLoaderService>();

        // ASP.NET Core's own request logs print the query string (the question) at Information: keep them to warnings.
        // Stride's request log (RequestLogMiddleware) writes one line per request without it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        services.AddOptions<StrideWebOptions>().Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
            "Stride:KnownProxies must list IP addresses");

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        services.AddRazorPages();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = CustomizeProblem);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            // The same settings as the CLI's JSON (AnswerJson.Options): camelCase, nulls left out, text kept readable.
            o.SerializerOptions.DefaultIgnoreCondition = AnswerJson.Options.DefaultIgnoreCondition;
            o.SerializerOptions.Encoder = AnswerJson.Options.Encoder;
        });
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, ConfigureKestrelLimits>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ConfigureForwardedHeaders>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRateLimitedAsync;
            o.AddPolicy(PerClientPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<StrideWebOptions>>().CurrentValue.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = limits.QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
            });
        });

        services.AddResponseCompression(o =>
        {
            // Answers carry no secrets or cookies, so compressing them over HTTPS does not open BREACH-style leaks.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json"]);
        });

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Stride API";
            document.Info.Description = "Answers for people whose lower back hurts when they walk: the red-flag check first, then "
                + "answers from a knowledge base with their sources and confidence. General information, not a diagnosis. "
                + "Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>
    /// The middleware, in order: the client's address from a trusted proxy's forwarded headers, HEAD answered as GET
    /// without a body, request log, exception and status-code problem details, compression, security headers
    /// (Content-Security-Policy and friends), the pages' CSS and JavaScript, routing, request limits (body size,
    /// nosniff), rate limiting.
    /// </summary>
    public static WebApplication UseStrideWeb(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<HeadRequestsMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(HtmlNotFound.Options());
        app.UseResponseCompression();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStridePageAssets();
        app.UseRouting();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Maps the HTML pages (<c>/</c>, <c>/ask</c>, <c>/entries/{id}</c>, <c>/topics</c>) and the JSON API under
    /// <c>/api</c> (both rate-limited per client), <c>/healthz</c>, <c>/readyz</c>, the OpenAPI document at
    /// <c>/openapi/v1.json</c> and, in Development, the Scalar reference at <c>/scalar</c>.
    /// </summary>
    public static WebApplication MapStrideWeb(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").RequireRateLimiting(PerClientPolicy);
        api.MapAskApi();
        api.MapSuggestApi();
        api.MapEntriesApi();
        api.MapAdminApi();
        app.MapRazorPages().RequireRateLimiting(PerClientPolicy);
        app.MapHealthApi();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }

    /// <summary>
    /// Every problem gets the trace id. A 400 from parameter binding (a <c>top</c> or <c>limit</c> that is not a whole
    /// number never reaches the handler) names the field like the handlers' own validation problems do.
    /// </summary>
    private static void CustomizeProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Extensions.ContainsKey("errors") || problem is HttpValidationProblemDetails)
        {
            return;
        }

        var query = context.HttpContext.Request.Query;
        var unparsable = NumberParameters
            .Where(name => query.TryGetValue(name, out var value) && value.Count > 0 && !string.IsNullOrEmpty(value[0])
                && !int.TryParse(value[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .ToList();
        if (unparsable.Count > 0)
        {
            problem.Title = $"The '{unparsable[0]}' value is not valid";
            problem.Detail = string.Join("; ", unparsable.Select(name => $"{name}: must be a whole number"));
            problem.Extensions["errors"] = unparsable.ToDictionary(name => name, _ => (string[])["must be a whole number"], StringComparer.Ordinal);
        }
    }

    private static async ValueTask OnRateLimitedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this address; try again in {seconds} s.",
            },
        }).ConfigureAwait(false);
    }

    /// <summary>Trusts X-Forwarded-For and X-Forwarded-Proto from the loopback and <see cref="StrideWebOptions.KnownProxies"/>.</summary>
    private sealed class ConfigureForwardedHeaders(IOptions<StrideWebOptions> options) : IConfigureOptions<ForwardedHeadersOptions>
    {
        public void Configure(ForwardedHeadersOptions forwarded)
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
            }
        }
    }

    /// <summary>Kestrel refuses bodies over the configured size too (bodies of unknown length included).</summary>
    private sealed class ConfigureKestrelLimits(IOptions<StrideWebOptions> options) : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions kestrel) => kestrel.Limits.MaxRequestBodySize = options.Value.MaxRequestBodyBytes;
    }
}
