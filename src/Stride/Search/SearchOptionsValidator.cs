using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Stride.Search;

/// <summary>
/// Checks <see cref="SearchOptions"/>: every range its data annotations give, and the rules that tie two settings
/// together. Register it in hosts (<c>services.AddSingleton&lt;IValidateOptions&lt;SearchOptions&gt;, SearchOptionsValidator&gt;()</c>).
/// </summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var failures = results.Select(r => $"{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}").ToList();
        if (options.LongMessageWords <= options.ShortMessageWords)
        {
            failures.Add($"{nameof(SearchOptions.LongMessageWords)} ({options.LongMessageWords}) must exceed {nameof(SearchOptions.ShortMessageWords)} ({options.ShortMessageWords})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws an <see cref="OptionsValidationException"/> listing every problem with <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(SearchOptions options)
    {
        var result = new SearchOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SearchOptions), result.Failures);
        }
    }
}
