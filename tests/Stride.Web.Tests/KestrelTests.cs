using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Stride.Hosting;

namespace Stride.Web.Tests;

/// <summary>The app as <c>stride serve</c> builds it, on a real Kestrel server on the loopback, and the loading state.</summary>
public sealed class KestrelTests
{
    [Fact]
    public async Task StrideWebApp_serves_on_kestrel_and_refuses_a_chunked_body_over_the_limit()
    {
        await using var app = StrideWebApp.Create([], new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" });
        await app.StartAsync(Http.Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        await StrideWebFactory.WaitForReadinessAsync(client, r => r.StatusCode == HttpStatusCode.OK);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/ask?q=" + Uri.EscapeDataString("is walking good for my back"), Http.Ct);
        Assert.False(page.GetProperty("noGoodAnswer").GetBoolean());

        // No Content-Length: the body streams in chunks, and the server stops reading at the limit.
        using var content = new PushStreamContentOfUnknownLength("{\"question\": \"" + new string('a', 40_000) + "\"}");
        using var response = await client.PostAsync("/api/ask", content, Http.Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await app.StopAsync(Http.Ct);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_gets_its_own_rate_limit_and_others_cannot_forge_it()
    {
        await using var app = StrideWebApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Stride:RateLimit:PermitLimit"] = "2",
        });
        await app.StartAsync(Http.Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        await StrideWebFactory.WaitForReadinessAsync(client, r => r.StatusCode == HttpStatusCode.OK);

        async Task<HttpStatusCode> TriageFrom(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/triage?q=back%20pain");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request, Http.Ct);
            return response.StatusCode;
        }

        // The test talks to the server from the loopback, which stands for a reverse proxy on the same machine.
        Assert.Equal(HttpStatusCode.OK, await TriageFrom("203.0.113.5"));
        Assert.Equal(HttpStatusCode.OK, await TriageFrom("203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TriageFrom("203.0.113.5"));
        Assert.Equal(HttpStatusCode.OK, await TriageFrom("203.0.113.6"));
        await app.StopAsync(Http.Ct);
    }

    [Fact]
    public async Task Known_proxies_from_the_settings_are_trusted_besides_the_loopback()
    {
        await using var app = StrideWebApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Stride:RateLimit:PermitLimit"] = "2",
            ["Stride:KnownProxies:0"] = "192.0.2.10",
        });
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        Assert.Contains(System.Net.IPAddress.Parse("192.0.2.10"), options.KnownProxies);
        Assert.DoesNotContain(System.Net.IPAddress.Parse("203.0.113.5"), options.KnownProxies);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Head_requests_get_the_get_headers_without_a_body()
    {
        await using var app = StrideWebApp.Create([], new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" });
        await app.StartAsync(Http.Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        await StrideWebFactory.WaitForReadinessAsync(client, r => r.StatusCode == HttpStatusCode.OK);

        foreach (var path in new[] { "/healthz", "/api/ask?q=is%20walking%20good%20for%20my%20back", "/", "/entries/causes-why-walking-hurts" })
        {
            using var get = await client.GetAsync(path, Http.Ct);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Http.Ct);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Http.Ct));
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync(Http.Ct));
        }

        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/entries/no-such-entry"), Http.Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await app.StopAsync(Http.Ct);
    }

    [Fact]
    public async Task Readyz_says_loading_until_the_first_load_is_done()
    {
        await using var factory = new StrideWebFactory().WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.RemoveAll<IHostedService>()));
        using var client = factory.CreateClient();
        using (var loading = await client.GetAsync("/readyz", Http.Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
            Assert.Equal("loading", (await loading.Content.ReadFromJsonAsync<JsonElement>(Http.Ct)).GetProperty("status").GetString());
        }

        using (var ask = await client.GetAsync("/api/suggest?prefix=back", Http.Ct))
        {
            var problem = await Http.ProblemAsync(ask, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("loading", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(await factory.Services.GetRequiredService<EngineRefresher>().RefreshAsync(cancellationToken: Http.Ct));
        using var ready = await client.GetAsync("/readyz", Http.Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>A body whose length is not known in advance, so it is sent chunked.</summary>
    private sealed class PushStreamContentOfUnknownLength : HttpContent
    {
        private readonly string _text;

        public PushStreamContentOfUnknownLength(string text)
        {
            _text = text;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(_text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
