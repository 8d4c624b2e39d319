using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Stride.Hosting;
using Stride.Web;

namespace Stride.Cli.Commands;

/// <summary>
/// <c>stride serve</c>: starts Stride's web app (the JSON API, health checks, OpenAPI), the same app as
/// <c>dotnet run --project src/Stride.Web</c> (<see cref="StrideWebApp.Create"/>), with the knowledge the flags name.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, for example http://127.0.0.1:5080 (the default; several separated by ';')." };
        var kb = CommonOptions.Kb();
        var index = new Option<string?>("--index") { Description = "Serve an index saved by 'stride index' instead of importing." };
        var semantic = CommonOptions.Semantic();
                var command = new Command("serve", "Run the web API: ask, triage, suggest and entries over HTTP, with /healthz and /readyz.")
        {
            urls, kb, index, semantic,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = Settings(parse.GetValue(urls), parse.GetValue(kb) ?? [], parse.GetValue(index));
            if (settings is null)
            {
                context.Error.WriteLine("stride: --index cannot be combined with --kb (rebuild the index with them instead)");
                return ExitCodes.BadInput;
            }

            if (CommonOptions.SemanticValue(parse.GetValue(semantic)) is { } on)
            {
                settings[$"{StrideOptions.SectionName}:Search:{nameof(Stride.Search.SearchOptions.Semantic)}"] = on ? "true" : "false";
            }

            try
            {
                await using var app = StrideWebApp.Create([], settings);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (OptionsValidationException ex)
            {
                context.Error.WriteLine($"stride: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>The configuration the flags stand for (null when they contradict each other).</summary>
    internal static Dictionary<string, string?>? Settings(string? urls, IReadOnlyList<string> kbPaths, string? indexDirectory)
    {
        if (indexDirectory is not null && kbPaths.Count > 0)
        {
            return null;
        }

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (urls is not null)
        {
            settings["urls"] = urls;
        }

        if (indexDirectory is not null)
        {
            settings[$"{StrideOptions.SectionName}:{nameof(StrideOptions.IndexDirectory)}"] = indexDirectory;
        }

        for (var i = 0; i < kbPaths.Count; i++)
        {
            settings[$"{StrideOptions.SectionName}:{nameof(StrideOptions.KbPaths)}:{i}"] = kbPaths[i];
        }

        return settings;
    }
}
