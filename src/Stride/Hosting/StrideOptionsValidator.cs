using Microsoft.Extensions.Options;
using Stride.Knowledge;

namespace Stride.Hosting;

/// <summary>Refuses settings that cannot work together, before anything is loaded.</summary>
public sealed class StrideOptionsValidator : IValidateOptions<StrideOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StrideOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.IndexDirectory is not null && (options.KbPaths.Count > 0 || options.SynonymsFile is not null || options.Format is not null))
        {
            // A saved index carries its own entries and synonym map; mixing in other files would be ignored silently.
            failures.Add("IndexDirectory cannot be combined with KbPaths, SynonymsFile or Format (rebuild the index with them instead)");
        }

        if (options.Format is not null && KbFormats.Parse(options.Format) is null)
        {
            failures.Add($"Format '{options.Format}' is not a known format (use yaml, faq, medquad, jsonl, csv or tsv)");
        }

        if (options.KbPaths.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("KbPaths has an empty entry");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
