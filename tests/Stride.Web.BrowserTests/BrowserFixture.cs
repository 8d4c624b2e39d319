global using Stride.Tests.Shared;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Stride.Web.BrowserTests;

/// <summary>
/// Stride's web app on a real Kestrel server on a loopback port, and one headless Chromium for every browser test
/// (the system's Chromium: Playwright's own browser download is not used). Without Chromium the tests skip and say how
/// to get it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser binary: <c>STRIDE_CHROMIUM</c> when set, else <see cref="DefaultChromium"/>.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("STRIDE_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The app's address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason ?? "The browser is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath}. Install it with 'apt-get update && apt-get install -y chromium' "
                + "(Debian or Ubuntu, as root; ./scripts/test does this when it can), or set STRIDE_CHROMIUM to a Chromium binary.";
            return;
        }

        _app = StrideWebApp.Create([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Stride:RateLimit:PermitLimit"] = "1000000",
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await WaitUntilReadyAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test, with the reason, when Chromium is not here.</summary>
    public void RequireBrowser() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);

    /// <summary>
    /// A fresh browser context and page at <paramref name="width"/> pixels, with the app as base address. The page
    /// records JavaScript dialogs and console errors (a Content-Security-Policy violation is one) for the test to check.
    /// </summary>
    public async Task<BrowserPage> OpenAsync(int width = 1280, int height = 900)
    {
        RequireBrowser();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var result = new BrowserPage(context, page);
        page.Dialog += (_, dialog) =>
        {
            result.Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                result.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => result.ConsoleErrors.Add(error);
        page.RequestFailed += (_, request) => result.ConsoleErrors.Add($"{request.Method} {request.Url} failed: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
            {
                result.ConsoleErrors.Add($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
        return result;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await client.GetAsync("/readyz");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The app was not ready within a minute: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>A page in its own browser context, with the dialogs and console errors it met.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> Dialogs { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    /// <summary>No dialog opened and nothing went wrong in the console (no script error, no CSP violation).</summary>
    public void AssertQuiet()
    {
        Assert.True(Dialogs.Count == 0, "dialogs opened: " + string.Join(" | ", Dialogs));
        Assert.True(ConsoleErrors.Count == 0, "console errors: " + string.Join(" | ", ConsoleErrors));
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>The browser test classes: one app and one browser for all of them, run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository root.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

}
