using Stride.Hosting;
using Stride.Search;
using Stride.Triage;

namespace Stride.Cli;

/// <summary>Writes an answer page as plain text for people: the top answer with its source, then related questions by topic.</summary>
internal static class HumanAnswerWriter
{
    /// <summary>
    /// Writes the red-flag check: always for <c>stride triage</c>; for answers only when it is not plain self-care,
    /// and then above everything else.
    /// </summary>
    public static void WriteTriage(TextWriter output, TriageResult triage, bool always)
    {
        // Knowledge-base text and the person's own words are printed as they are, minus control characters.
        output = TerminalText.Guard(output);
        if (!triage.Understood)
        {
            output.WriteLine("Stride could not read this message: it reads English only.");
            output.WriteLine(triage.Advice);
            WriteChecklist(output, triage);
            output.WriteLine();
            return;
        }

        if (triage.Level == TriageLevel.Selfcare && !always)
        {
            // Nothing recognised: the answer comes first, but the emergency signs are still listed in one line, since
            // Stride can miss an unusual way of describing them.
            WriteChecklist(output, triage);
            output.WriteLine();
            return;
        }

        var heading = triage.Level switch
        {
            TriageLevel.Emergency => "EMERGENCY: get help now.",
            TriageLevel.Urgent => "URGENT: see a doctor today.",
            TriageLevel.Routine => "See a doctor or physiotherapist soon.",
            _ => "Looking after your back at home.",
        };
        output.WriteLine(heading);
        output.WriteLine(triage.Advice);
        WriteReasons(output, triage.MainReasons);

        // Lower-level signs are quoted without their own advice ("worth checking with a GP"), which an emergency
        // outranks: one action first.
        var others = triage.OtherReasons.ToList();
        if (others.Count > 0)
        {
            output.WriteLine($"Also noted, less urgent: {string.Join(", ", others.Select(r => $"\"{r.Evidence}\""))}");
        }
        WriteChecklist(output, triage);
        output.WriteLine();
    }

    private static void WriteChecklist(TextWriter output, TriageResult triage)
    {
        if (triage.EmergencyChecklist.Count > 0)
        {
            output.WriteLine($"Call 999 (UK) or 911 (US) now if: {string.Join("; ", triage.EmergencyChecklist)}.");
        }
    }

    private static void WriteReasons(TextWriter output, IEnumerable<TriageReason> reasons)
    {
        var list = reasons.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine("Why:");
        foreach (var reason in list)
        {
            output.WriteLine($"  - {reason.Explanation} (you wrote: \"{reason.Evidence}\")");
        }
    }

    public static void Write(TextWriter output, AnswerPage page)
    {
        // Knowledge-base text and the person's own words are printed as they are, minus control characters.
        output = TerminalText.Guard(output);
        WriteTriage(output, page.Triage, always: false);
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
            var answer = top.Entry.Answer.Length > 0
                ? top.Entry.Answer
                : "(This collection holds only the question; its answer was removed. The source page below has it.)";
            foreach (var line in answer.Split('\n'))
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

        if (page.EachQuestion.Count > 1)
        {
            output.WriteLine();
            output.WriteLine("You asked more than one question. The best answer to each:");
            for (var i = 0; i < page.EachQuestion.Count; i++)
            {
                var (question, answer) = (page.EachQuestion[i].Question, page.EachQuestion[i].Answer);
                output.WriteLine($"  {i + 1}. {question}");
                output.WriteLine(answer is null
                    ? "     No good answer to this one."
                    : $"     -> {answer.Entry.Question}   (confidence {answer.Confidence:F2}; source: {SourceTitle(answer)})");
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
        output.WriteLine(SafetyText.Disclaimer);
    }

    private static string SourceTitle(SearchHit hit) => hit.Entry.Sources.Length > 0 ? hit.Entry.Sources[0].Title : "not given";

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
