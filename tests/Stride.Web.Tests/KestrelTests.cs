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
