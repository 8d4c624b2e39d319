using System.Globalization;
using System.Text;

namespace Stride.Triage;

/// <summary>A text with the level a clinician gave it.</summary>
/// <param name="Text">What the person wrote.</param>
/// <param name="Expected">The clinician's level.</param>
/// <param name="Line">Line in the source file, for reports.</param>
/// <param name="Concept">The red flag the text is about, as its author labelled it (for example <c>saddle_numbness</c>), or null.</param>
public sealed record TriageVignette(string Text, TriageLevel Expected, int Line, string? Concept = null);

/// <summary>How well triage agrees with clinicians' levels on a set of texts.</summary>
public sealed class TriageEvaluation
{
    private readonly int[,] _confusion = new int[4, 4];

    private TriageEvaluation(IReadOnlyList<(TriageVignette Vignette, TriageResult Result)> outcomes)
    {
        Outcomes = outcomes;
        foreach (var (v, r) in outcomes)
        {
            _confusion[(int)v.Expected, (int)r.Level]++;
        }
    }

    /// <summary>Every vignette with what triage said.</summary>
    public IReadOnlyList<(TriageVignette Vignette, TriageResult Result)> Outcomes { get; }

    /// <summary>Number of vignettes.</summary>
    public int Count => Outcomes.Count;

    /// <summary>Share of expected emergencies triaged as emergency (1 when there are none).</summary>
    public double EmergencySensitivity => Share(o => o.Vignette.Expected == TriageLevel.Emergency, o => o.Result.Level == TriageLevel.Emergency);

    /// <summary>Share of vignettes given exactly the expected level.</summary>
    public double ExactAccuracy => Share(_ => true, o => o.Result.Level == o.Vignette.Expected);

    /// <summary>Share of vignettes given a less urgent level than expected.</summary>
    public double UnderTriageRate => Share(_ => true, o => o.Result.Level < o.Vignette.Expected);

    /// <summary>Share of vignettes given a more urgent level than expected.</summary>
    public double OverTriageRate => Share(_ => true, o => o.Result.Level > o.Vignette.Expected);

    /// <summary>How many vignettes expected at <paramref name="expected"/> were triaged as <paramref name="predicted"/>.</summary>
    public int Confusion(TriageLevel expected, TriageLevel predicted) => _confusion[(int)expected, (int)predicted];

    /// <summary>Triages every vignette.</summary>
    public static TriageEvaluation Run(TriageEngine engine, IEnumerable<TriageVignette> vignettes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(vignettes);
        return new TriageEvaluation([.. vignettes.Select(v => (v, engine.Triage(v.Text)))]);
    }

    /// <summary>
    /// Reads a TSV of <c>text&lt;TAB&gt;level</c>, optionally with a third column naming the concept (a header line
    /// starting <c>text	level</c> is skipped). Returns the vignettes or the first problem as <c>line: message</c>.
    /// </summary>
    public static (IReadOnlyList<TriageVignette> Vignettes, string? Error) ReadTsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<TriageVignette>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0 || (line == 1 && text.StartsWith("text\t", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var columns = text.Split('\t');
            if (columns.Length is < 2 or > 3 || columns[0].Trim().Length == 0)
            {
                return ([], $"{line}: expected 'text<TAB>level' or 'text<TAB>level<TAB>concept'");
            }

            var level = TriageLevels.Parse(columns[1]);
            if (level is null)
            {
                return ([], $"{line}: unknown level '{columns[1].Trim()}' (use emergency, urgent, routine or selfcare)");
            }

            var body = columns[0];
            if (TriageEngine.Validate(body) is { } problem)
            {
                return ([], $"{line}: {problem}");
            }

            var concept = columns.Length == 3 && columns[2].Trim().Length > 0 ? columns[2].Trim() : null;
            list.Add(new TriageVignette(body, level.Value, line, concept));
        }

        return (list, null);
    }

    /// <summary>The figures and the confusion matrix as plain text.</summary>
    public string Report()
    {
        var levels = Enum.GetValues<TriageLevel>().Reverse().ToArray();
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"vignettes:             {Count}");
        sb.AppendLine(c, $"emergency sensitivity: {EmergencySensitivity:P1} ({Confusion(TriageLevel.Emergency, TriageLevel.Emergency)}/{Outcomes.Count(o => o.Vignette.Expected == TriageLevel.Emergency)})");
        sb.AppendLine(c, $"exact-level accuracy:  {ExactAccuracy:P1}");
        sb.AppendLine(c, $"under-triage rate:     {UnderTriageRate:P1}");
        sb.AppendLine(c, $"over-triage rate:      {OverTriageRate:P1}");
        sb.AppendLine();
        sb.AppendLine("expected \\ predicted  " + string.Join(' ', levels.Select(l => l.Name().PadLeft(9))));
        foreach (var expected in levels)
        {
            sb.AppendLine(expected.Name().PadRight(21) + string.Join(' ', levels.Select(p => Confusion(expected, p).ToString(c).PadLeft(9))));
        }

        var under = Outcomes.Where(o => o.Result.Level < o.Vignette.Expected).ToList();
        sb.AppendLine();
        sb.AppendLine(c, $"under-triaged ({under.Count}), with the concept that was missed:");
        foreach (var (v, r) in under)
        {
            var found = r.Reasons.Count == 0 ? "nothing recognised" : "found " + string.Join(", ", r.Reasons.Select(x => x.Rule));
            sb.AppendLine(c, $"  line {v.Line}: expected {v.Expected.Name()}, got {r.Level.Name()}; missed {v.Concept ?? "(concept not labelled)"}; {found}: {v.Text}");
        }

        return sb.ToString();
    }

    private double Share(Func<(TriageVignette Vignette, TriageResult Result), bool> among, Func<(TriageVignette Vignette, TriageResult Result), bool> hit)
    {
        var set = Outcomes.Where(among).ToList();
        return set.Count == 0 ? 1.0 : (double)set.Count(hit) / set.Count;
    }
}
