using Stride.Search;

namespace Stride.Cli;

/// <summary>Writes an answer page as plain text for people: the top answer with its source, then related questions by topic.</summary>
internal static class HumanAnswerWriter
{
    public const string Disclaimer =
        "Stride gives general information, not a diagnosis. It is not a substitute for a doctor, nurse or physiotherapist.";

    public static void Write(TextWriter output, AnswerPage page)
    {
        if (page.NoGoodAnswer)
        {
            output.WriteLine("Stride has no good answer to that question.");
            output.WriteLine("Try asking in other words, or ask a doctor or physiotherapist.");
        }
        else
        {
            var top = page.Answers[0];
            output.WriteLine($"{top.Entry.Question}   (confidence {top.Confidence:F2})");
            output.WriteLine();
            foreach (var line in top.Entry.Answer.Split('\n'))
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
            WriteSources(output, top);
            if (page.Answers.Count > 1)
            {
                output.WriteLine();
                output.WriteLine("Other good answers:");
                foreach (var other in page.Answers.Skip(1))
                {
                    output.WriteLine($"  - {other.Entry.Question}   (confidence {other.Confidence:F2})");
                }
            }
        }

        if (page.Related.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Related questions:");
            foreach (var group in page.Related)
            {
                output.WriteLine($"  {char.ToUpperInvariant(group.Topic[0])}{group.Topic[1..]}");
                foreach (var entry in group.Entries)
                {
                    output.WriteLine($"    - {entry.Question}");
                }
            }
        }

        output.WriteLine();
        output.WriteLine(Disclaimer);
    }

    private static void WriteSources(TextWriter output, SearchHit hit)
    {
        if (hit.Entry.Sources.Length == 0)
        {
            output.WriteLine("Source: not given");
            return;
        }

        foreach (var source in hit.Entry.Sources)
        {
            output.WriteLine(source.Url.Length > 0 ? $"Source: {source.Title} <{source.Url}>" : $"Source: {source.Title}");
        }
    }
}
