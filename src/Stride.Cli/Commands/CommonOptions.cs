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

        return [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)];
    }
}
