using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Stride.Knowledge.YamlNodes;

namespace Stride.Knowledge;

/// <summary>A source that may back more entries than <see cref="KbSourceRules.MaxEntriesPerSource"/>, and why.</summary>
/// <param name="Url">The source's address.</param>
/// <param name="Reason">Why so many entries may cite it, in plain words.</param>
public sealed record SharedSource(string Url, string Reason);

/// <summary>
/// What lint checks about sources, read from a reviewed data file (<c>kb/source-rules.yaml</c>): which pages are too
/// general to back a claim, which wording states a claim (a percentage, "studies show"), and how many entries one
/// source may back before it needs a reason.
/// </summary>
public sealed class KbSourceRules
{
    private ImmutableHashSet<string> _general = ImmutableHashSet<string>.Empty;

    /// <summary>Pages about a whole topic (the NHS back-pain page): fine for advice, too general to back a claim.</summary>
    public IReadOnlyCollection<string> GeneralPages => _general;

    /// <summary>Wording that states evidence or a figure; an answer that matches needs a source that is not general.</summary>
    public IReadOnlyList<Regex> ClaimPatterns { get; private init; } = [];

    /// <summary>A source cited by more entries than this needs an entry in <see cref="SharedSources"/>.</summary>
    public int MaxEntriesPerSource { get; private init; }

    /// <summary>Sources allowed to back more entries than <see cref="MaxEntriesPerSource"/>, each with its reason.</summary>
    public IReadOnlyList<SharedSource> SharedSources { get; private init; } = [];

    /// <summary>Whether <paramref name="url"/> is one of the <see cref="GeneralPages"/> (trailing '/' and case ignored).</summary>
    public bool IsGeneral(string url) => _general.Contains(Normalize(url));

    /// <summary>The reason <paramref name="url"/> may back many entries, or null.</summary>
    public string? SharedReason(string url) => SharedSources.FirstOrDefault(s => Normalize(s.Url) == Normalize(url))?.Reason;

    /// <summary>The first claim <paramref name="answer"/> states, or null.</summary>
    public string? FirstClaim(string answer) =>
        ClaimPatterns.Select(p => p.Match(answer)).FirstOrDefault(m => m.Success)?.Value;

    /// <summary>A URL in the form the rules compare: lowercase, without a trailing '/'.</summary>
    public static string Normalize(string url) => url.Trim().TrimEnd('/').ToLowerInvariant();

    /// <summary>Reads the rules; on any problem returns null and every error with its line, never throws.</summary>
    public static (KbSourceRules? Rules, ImmutableArray<ImportDiagnostic> Errors) Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var stream = Load(reader, sourceName, out var loadError);
        if (stream is null)
        {
            return (null, [loadError!]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [ImportDiagnostic.Error(sourceName, 1, "expected a mapping with 'generalPages', 'claimPatterns', 'maxEntriesPerSource' and 'sharedSources'")]);
        }

        var errors = new List<ImportDiagnostic>();
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("generalPages" or "claimPatterns" or "maxEntriesPerSource" or "sharedSources")))
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Line(key), $"unknown field '{key.Value}'"));
        }

        List<string> Strings(string field)
        {
            if (Child(root, field) is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
            {
                errors.Add(ImportDiagnostic.Error(sourceName, Line(Child(root, field) ?? root), $"'{field}' needs a list of non-empty strings"));
                return [];
            }

            return list.Children.Cast<YamlScalarNode>().Select(c => c.Value!).ToList();
        }

        var general = Strings("generalPages");
        var patterns = new List<Regex>();
        foreach (var pattern in Strings("claimPatterns"))
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException ex)
            {
                errors.Add(ImportDiagnostic.Error(sourceName, Line(Child(root, "claimPatterns")!), $"claim pattern '{pattern}' is not a valid regular expression: {ex.Message}"));
            }
        }

        var max = 0;
        if (Child(root, "maxEntriesPerSource") is not YamlScalarNode { Value: { } maxText } || !int.TryParse(maxText, out max) || max < 1)
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Line(Child(root, "maxEntriesPerSource") ?? root), "'maxEntriesPerSource' needs a whole number of 1 or more"));
        }

        var shared = new List<SharedSource>();
        if (Child(root, "sharedSources") is not YamlSequenceNode sharedList)
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Line(root), "'sharedSources' needs a list of { url, reason }"));
        }
        else
        {
            foreach (var item in sharedList.Children)
            {
                if (item is YamlMappingNode map && Scalar(map, "url") is { Length: > 0 } url && Scalar(map, "reason") is { Length: > 0 } reason)
                {
                    shared.Add(new SharedSource(url, reason));
                }
                else
                {
                    errors.Add(ImportDiagnostic.Error(sourceName, Line(item), "each shared source needs a 'url' and a 'reason'"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, [.. errors]);
        }

        return (new KbSourceRules
        {
            _general = general.Select(Normalize).ToImmutableHashSet(StringComparer.Ordinal),
            ClaimPatterns = patterns,
            MaxEntriesPerSource = max,
            SharedSources = shared,
        }, []);
    }
}
