global using Stride.Tests.Shared;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stride.Web.Tests;

/// <summary>
/// Stride's web app in memory (the real Program, through WebApplicationFactory) over Stride's own kb/ unless the
/// settings say otherwise; rate limits are lifted unless a test sets them. Captures every log line.
/// </summary>
public class StrideWebFactory : WebApplicationFactory<StrideWebApp>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["Stride:RateLimit:PermitLimit"] = "1000000",
    };

    private readonly string _environment;

    public StrideWebFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _environment = environment;
    }

    public LogCapture Logs { get; } = new();

    /// <summary>Waits until /readyz says ready (the first load runs in the background).</summary>
    public async ValueTask InitializeAsync()
    {
        using var client = CreateClient();
        await WaitForReadinessAsync(client, r => r.StatusCode == HttpStatusCode.OK);
    }

    /// <summary>Polls /readyz until <paramref name="done"/> says so (at most a minute: the machine is shared).</summary>
    public static async Task<JsonElement> WaitForReadinessAsync(HttpClient client, Func<HttpResponseMessage, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);
            if (done(response) || DateTime.UtcNow > deadline)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

/// <summary>The default app (Stride's own kb/, Development), shared by the test classes that only read from it.</summary>
public sealed class SharedStrideApp : StrideWebFactory;

/// <summary>The test classes that share <see cref="SharedStrideApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<SharedStrideApp>
{
    public const string Name = "shared web app";
}

/// <summary>Every log line the app wrote, with its category and level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too, so a question hidden in a parameter would be found as well.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lines.Enqueue((category, logLevel, $"{formatter(state, exception)} {values} {exception}"));
        }
    }
}

/// <summary>Files the tests share.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = Stride.Tests.Shared.RepositoryRoot.Path;

    /// <summary>A small valid knowledge base in Stride's YAML format.</summary>
    public const string SmallKb = """
        entries:
          - id: test-walking-hurts
            topic: causes
            question: Why does walking make my lower back hurt?
            alternates:
              - my back aches when i go for a walk
            answer: |
              Back pain on walks is common. Most of the time it is not caused by anything serious.
            sources:
              - title: "NHS: Back pain"
                url: https://www.nhs.uk/conditions/back-pain/
            related: [test-keep-walking]
          - id: test-keep-walking
            topic: self-care
            question: Should I keep walking when my lower back hurts?
            answer: |
              Yes, gentle walking usually helps. Go a little further each day.
            sources:
              - title: "NHS: Back pain"
                url: https://www.nhs.uk/conditions/back-pain/
        """;

    /// <summary>Not YAML a knowledge base can be read from.</summary>
    public const string BrokenKb = "entries:\n  - id: [unclosed\n    question: \"no end\n";

}


/// <summary>Reading problem details.</summary>
internal static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
