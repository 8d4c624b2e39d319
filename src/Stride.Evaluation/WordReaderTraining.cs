using System.Globalization;
using System.Text;
using Stride.Triage;

namespace Stride.Evaluation;

/// <summary>One labelled text for training the second reader, with the group (set of authors) it came from.</summary>
/// <param name="Text">The message.</param>
/// <param name="Expected">Its reference level.</param>
/// <param name="Group">Its set of authors: texts of one group are held out together in cross-validation.</param>
public sealed record ReaderExample(string Text, TriageLevel Expected, string Group);

/// <summary>How to train the second reader.</summary>
/// <param name="L2">Ridge penalty per feature weight (larger: smaller, smoother weights).</param>
/// <param name="MinCount">A feature is kept only when it occurs in at least this many training texts.</param>
/// <param name="Epochs">Passes of full-batch gradient descent.</param>
public sealed record ReaderTrainingOptions(double L2 = 0.3, int MinCount = 2, int Epochs = 300);

/// <summary>
/// Trains <see cref="WordReader"/> (L2-regularised logistic regression with AdaGrad steps, deterministic) and
/// measures it by leaving one group of authors out at a time, so that a figure is always on writers the model has
/// not seen.
/// </summary>
public static class WordReaderTraining
{
    /// <summary>Trains a reader for <paramref name="level"/> (texts at that level or more urgent are its positives) on <paramref name="examples"/>.</summary>
    public static WordReader Train(IReadOnlyList<ReaderExample> examples, TriageLevel level, IReadOnlySet<string> negationWords, double threshold,
        string explanation, ReaderTrainingOptions? options = null, double? thresholdOverUrgent = null, double? thresholdWithoutReport = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new ReaderTrainingOptions();
        var featureLists = examples.Select(e => WordReader.Features(e.Text, negationWords)).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in featureLists.SelectMany(f => f))
        {
            counts[feature] = counts.GetValueOrDefault(feature) + 1;
        }

        var vocabulary = counts.Where(p => p.Value >= options.MinCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var index = vocabulary.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var rows = featureLists.Select(f => f.Where(index.ContainsKey).Select(x => index[x]).ToArray()).ToList();
        var labels = examples.Select(e => e.Expected >= level ? 1.0 : 0.0).ToArray();

        var weights = new double[vocabulary.Count + 1]; // the last one is the bias
        var squared = new double[weights.Length];
        var gradient = new double[weights.Length];
        const double rate = 0.5;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Array.Clear(gradient);
            for (var r = 0; r < rows.Count; r++)
            {
                var score = weights[^1];
                foreach (var f in rows[r])
                {
                    score += weights[f];
                }

                var error = (1 / (1 + Math.Exp(-score))) - labels[r];
                foreach (var f in rows[r])
                {
                    gradient[f] += error;
                }

                gradient[^1] += error;
            }

            for (var f = 0; f < weights.Length; f++)
            {
                var g = (gradient[f] / rows.Count) + (f < vocabulary.Count ? options.L2 * weights[f] / rows.Count : 0);
                squared[f] += g * g;
                weights[f] -= rate * g / (Math.Sqrt(squared[f]) + 1e-8);
            }
        }

        // Features whose weight rounds to nothing are left out of the file: they change no decision.
        var kept = vocabulary.Select((f, i) => (f, w: weights[i])).Where(p => Math.Abs(p.w) >= 0.0005).ToDictionary(p => p.f, p => p.w, StringComparer.Ordinal);
        return new WordReader(kept, weights[^1], threshold, negationWords, explanation, level, thresholdOverUrgent, thresholdWithoutReport);
    }

    /// <summary>
    /// Leave-one-group-out: for each group, a reader trained on the other groups gives every text of that group a
    /// chance of emergency. Returns each text's held-out chance.
    /// </summary>
    public static IReadOnlyList<(ReaderExample Example, double Probability)> CrossValidate(IReadOnlyList<ReaderExample> examples,
        TriageLevel level, IReadOnlySet<string> negationWords, ReaderTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var results = new List<(ReaderExample, double)>(examples.Count);
        foreach (var group in examples.Select(e => e.Group).Distinct(StringComparer.Ordinal))
        {
            var reader = Train([.. examples.Where(e => e.Group != group)], level, negationWords, 0.5, "cross-validation", options);
            results.AddRange(examples.Where(e => e.Group == group).Select(e => (e, reader.Read(e.Text).Probability)));
        }

        return results;
    }

    /// <summary>
    /// A table of what each threshold would do on held-out groups: the share of texts at <paramref name="level"/> or
    /// above it raises (its sensitivity alone) and the share of other texts it would wrongly raise (over-triage it could add).
    /// </summary>
    public static string Report(IReadOnlyList<(ReaderExample Example, double Probability)> heldOut, TriageLevel level, IEnumerable<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var positives = heldOut.Count(h => h.Example.Expected >= level);
        var others = heldOut.Count - positives;
        var name = level == TriageLevel.Emergency ? "emergencies" : $"{level.Name()} or more";
        sb.AppendLine(c, $"leave-one-group-out over {heldOut.Select(h => h.Example.Group).Distinct().Count()} groups: {positives} {name}, {others} other texts");
        sb.AppendLine(c, $"threshold  {name + " raised",18}  others raised");
        foreach (var t in thresholds)
        {
            var raised = heldOut.Count(h => h.Example.Expected >= level && h.Probability >= t);
            var wrong = heldOut.Count(h => h.Example.Expected < level && h.Probability >= t);
            sb.AppendLine(c, $"{t,9:0.00}  {(double)raised / positives,18:P1}  {(double)wrong / others,13:P1}");
        }

        return sb.ToString();
    }

    /// <summary>The group of a vignette file: its name without the split suffix, so that halves of one set of authors stay together.</summary>
    public static string GroupOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        foreach (var suffix in new[] { "-tuning", "-heldout", "-test", "-fresh", "-blind" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
