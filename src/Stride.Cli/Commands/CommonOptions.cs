using System.CommandLine;
using Stride.Knowledge;

namespace Stride.Cli.Commands;

/// <summary>Options and input handling that several commands share, so each is spelled and checked once.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Kb() => new("--kb")
    {
        Description = "A knowledge-base file or folder to answer from (repeatable). Default: Stride's own kb/.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Format() => new("--format")
    {
        Description = "Read KB files as this format instead of guessing: yaml, faq, medquad, jsonl, csv, tsv.",
    };

    public static Option<string?> Synonyms() => new("--synonyms")
    {
        Description = "A synonym file (Solr format). Default: kb/synonyms.txt.",
    };

    public static Option<string?> TriageRules() => new("--triage-rules")
    {
        Description = "The red-flag rules file. Default: kb/triage-rules.yaml.",
    };

    public static Option<string?> Semantic()
    {
        var option = new Option<string?>("--semantic")
        {
            Description = "Semantic search (sentence embeddings fused with BM25): on or off. Default: the setting Stride:Search:Semantic; when unset, on for knowledge bases of up to 5,000 entries (Stride's own KB, an FAQ page) and off for larger ones (MedQuAD).",
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    public static Option<string?> CacheDir() => new("--cache-dir")
    {
        Description = "Folder for cached entry vectors (semantic search). Default: the user's cache folder (~/.cache/stride/vectors).",
    };

    /// <summary>"on" → true, "off" → false, absent → null (the configured default).</summary>
    public static bool? SemanticValue(string? text) => text switch
    {
        "on" => true,
        "off" => false,
        _ => null,
    };

    public static bool TryParseFormat(CliContext context, string? text, out KbFormat? format)
    {
        format = null;
        if (text is null)
        {
            return true;
        }

        format = KbFormats.Parse(text);
        if (format is null)
        {
            context.Error.WriteLine($"stride: unknown format '{text}' (use yaml, faq, medquad, jsonl, csv or tsv)");
            return false;
        }

        return true;
    }

    public static List<string>? ReadBatch(CliContext context, string path)
    {
        var text = path == "-" ? context.Input.ReadToEnd() : context.Loader.ReadText(path);
        if (text is null)
        {
            return null;
        }

        // One output line per input line, blank lines included (they get an error), so that line N of the output
        // answers line N of the input; only the newline that ends the file does not start another line.
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>
    /// The words of a question or text: unquoted words are joined into one ("stride ask why does my back hurt").
    /// </summary>
    public static Argument<string[]> Words(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// Joins the words into one text, or returns null after saying which option is unknown: an option the command does
    /// not have would otherwise be read as the question ("ask --frobnicate").
    /// </summary>
    public static string? JoinWords(CliContext context, string command, string[]? words)
    {
        if (words is null || words.Length == 0)
        {
            return string.Empty;
        }

        if (words.FirstOrDefault(w => w.Length > 1 && w[0] == '-' && !double.TryParse(w, System.Globalization.CultureInfo.InvariantCulture, out _)) is { } unknown)
        {
            context.Error.WriteLine($"stride: unknown option '{unknown}' (run 'stride {command} --help' for the options)");
            return null;
        }

        return string.Join(' ', words);
    }

    /// <summary>A positive whole number option whose parse error says what it wants, not a .NET type name.</summary>
    public static Option<int> PositiveInt(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number, 1 or more (got '{token}')");
            return defaultValue;
        },
    };
}
