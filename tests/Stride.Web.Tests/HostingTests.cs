using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stride.Cli;
using Stride.Cli.Commands;

namespace Stride.Web.Tests;

/// <summary>Rate limiting, the Production environment, and <c>stride serve</c>'s flags.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Too_many_requests_from_one_client_get_429_with_retry_after()
    {
        await using var app = new StrideWebFactory(new Dictionary<string, string?>
        {
            ["Stride:RateLimit:PermitLimit"] = "3",
            ["Stride:RateLimit:WindowSeconds"] = "60",
        });
        await app.InitializeAsync();
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/api/triage?q=back%20pain", Http.Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync("/api/suggest?prefix=back", Http.Ct);
        var problem = await Http.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Health checks are never limited.
        using var health = await client.GetAsync("/readyz", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Stride:RateLimit:PermitLimit", "0")]
    [InlineData("Stride:RateLimit:WindowSeconds", "0")]
    [InlineData("Stride:MaxRequestBodyBytes", "10")]
    [InlineData("Stride:AnswerCacheSeconds", "-1")]
    [InlineData("Stride:Format", "pdf")]
    [InlineData("Stride:KnownProxies:0", "my-proxy")]
    public async Task Invalid_settings_stop_the_app_at_start(string key, string value)
    {
        await using var app = new StrideWebFactory(new Dictionary<string, string?> { [key] = value });
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("OptionsValidationException", ex.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Production_serves_openapi_but_not_the_scalar_page()
    {
        await using var app = new StrideWebFactory(null, environment: "Production");
        await app.InitializeAsync();
        using var client = app.CreateClient();
        using var openApi = await client.GetAsync("/openapi/v1.json", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        using var scalar = await client.GetAsync("/scalar/v1", Http.Ct);
        await Http.ProblemAsync(scalar, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Serve_with_a_kb_answers_from_that_kb()
    {
        using var folder = new TempFolder();
        var kbFile = folder.File("kb.yaml", TestFiles.SmallKb);
        var settings = ServeCommand.Settings(null, [kbFile], null)!;
        await using var app = new StrideWebFactory(settings);
        await app.InitializeAsync();
        using var client = app.CreateClient();
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz", Http.Ct);
        Assert.Equal(kbFile, ready.GetProperty("source").GetString());
        Assert.Equal(2, ready.GetProperty("entries").GetInt32());
    }

    [Fact]
    public void Serve_flags_become_configuration()
    {
        var settings = ServeCommand.Settings("http://127.0.0.1:6001", ["a.yaml", "b.csv"], null)!;
        Assert.Equal("http://127.0.0.1:6001", settings["urls"]);
        Assert.Equal("a.yaml", settings["Stride:KbPaths:0"]);
        Assert.Equal("b.csv", settings["Stride:KbPaths:1"]);
        Assert.Equal("/srv/index", ServeCommand.Settings(null, [], "/srv/index")!["Stride:IndexDirectory"]);
        Assert.False(ServeCommand.Settings(null, [], null)!.ContainsKey("urls"));
    }

    [Fact]
    public async Task Serve_refuses_index_with_kb()
    {
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(["serve", "--index", "/tmp/x", "--kb", "a.yaml"], new StringReader(string.Empty), new StringWriter(), error);
        Assert.Equal(2, exit);
        Assert.Contains("--index", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_is_listed_in_help()
    {
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(["serve", "--help"], new StringReader(string.Empty), output, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Contains("--urls", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--index", output.ToString(), StringComparison.Ordinal);
    }
}
