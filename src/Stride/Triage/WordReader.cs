using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Stride.Knowledge;

namespace Stride.Triage;

/// <summary>
/// Stride's second reader of a message: a logistic model over its words and word pairs, trained on labelled
/// vignettes, giving the chance that the message needs care at its <see cref="Level"/> or sooner (one reader for
/// emergency, one for urgent). It only ever raises a result to its level, never lowers one, and only when the rules
/// found nothing as urgent themselves.
/// </summary>
/// <remarks>
/// The rules recognise the phrasings they were given; each new writer brings new ones (a round of new rules moved
/// sensitivity on the next writers' text far less than on the text it came from). A word model generalises a little
/// differently: "cant move his legs" shares words with many labelled emergencies even when no rule has that phrase.
/// Its weights are a reviewed data file (<c>kb/triage-reader.tsv</c>, written by <c>stride eval reader --out</c>), so
/// what pushes a message towards a level can be read, word by word. Words after a negation in the same clause are
/// read as different words ("~numb"), so "no numbness" does not count as "numbness". Thread-safe: immutable.
/// </remarks>
public sealed class WordReader
{
    /// <summary>The readers' file names beside the rules file: <c>triage-reader-{level}.tsv</c>.</summary>
    public const string FilePattern = "triage-reader-*.tsv";

    /// <summary>The rule name shown for a result a reader raised.</summary>
    public const string RuleName = "second-reader";

    /// <summary>The file name of the reader for <paramref name="level"/>.</summary>
    public static string FileName(TriageLevel level) => $"triage-reader-{level.Name()}.tsv";

    private const int MaxEvidenceLength = 140;

    private readonly FrozenDictionary<string, double> _weights;

    /// <summary>Creates a reader from its weights.</summary>
    /// <param name="weights">The weight of each feature (a word, <c>~word</c> after a negation, or <c>word_word</c>).</param>
    /// <param name="bias">The intercept.</param>
    /// <param name="threshold">The chance from which a message is raised to emergency.</param>
    /// <param name="negationWords">Words that open a negated stretch up to the end of their clause.</param>
    /// <param name="explanation">What a person is told when the reader raised the result.</param>
    /// <param name="level">The level the reader raises a message to.</param>
    /// <param name="thresholdOverUrgent">
    /// The chance needed to raise a message the rules already placed at urgent (null: <paramref name="threshold"/>).
    /// </param>
    /// <param name="thresholdWithoutReport">
    /// The chance needed to raise a message with no report cue (null: <paramref name="threshold"/>); never lower than
    /// <paramref name="threshold"/>.
    /// </param>
    public WordReader(IReadOnlyDictionary<string, double> weights, double bias, double threshold, IEnumerable<string> negationWords, string explanation,
        TriageLevel level = TriageLevel.Emergency, double? thresholdOverUrgent = null, double? thresholdWithoutReport = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(negationWords);
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        _weights = weights.ToFrozenDictionary(StringComparer.Ordinal);
        Bias = bias;
        Threshold = threshold;
        NegationWords = negationWords.ToFrozenSet(StringComparer.Ordinal);
        Explanation = explanation;
        Level = level;
        ThresholdOverUrgent = thresholdOverUrgent ?? threshold;
        ThresholdWithoutReport = Math.Max(threshold, thresholdWithoutReport ?? threshold);
    }

    /// <summary>
    /// The chance needed to raise a message that reports nothing about anyone: no cue from the rules' <c>report</c> list
    /// ("my", "I have", "since", "he can't"). The reader learnt from people's accounts of what is happening to them;
    /// a plain question ("how many people have back pain", "how should I breathe when walking") gives it few words, and
    /// its chance then sits near the base rate of its training sets, close to <see cref="Threshold"/>.
    /// </summary>
    public double ThresholdWithoutReport { get; }

    /// <summary>
    /// The chance needed to raise a message the rules already placed at urgent. When a rule has recognised a sign, the
    /// words the reader weighs are mostly that sign's ("my left leg has gone weak"), so it should take more to say the
    /// rule's own level is too low than to catch a message the rules read nothing in.
    /// </summary>
    public double ThresholdOverUrgent { get; }

    /// <summary>
    /// Whether <paramref name="reading"/> raises a message the rules placed at <paramref name="rulesLevel"/>;
    /// <paramref name="reportsSomething"/> says whether the message has a report cue (see <see cref="ThresholdWithoutReport"/>).
    /// </summary>
    public bool Raises(WordReading reading, TriageLevel rulesLevel, bool reportsSomething = true)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var needed = rulesLevel >= TriageLevel.Urgent ? ThresholdOverUrgent : Threshold;
        if (!reportsSomething)
        {
            needed = Math.Max(needed, ThresholdWithoutReport);
        }

        return rulesLevel < Level && reading.Probability >= needed;
    }

    /// <summary>The level the reader raises a message to when its chance reaches <see cref="Threshold"/>.</summary>
    public TriageLevel Level { get; }

    /// <summary>The intercept of the model.</summary>
    public double Bias { get; }

    /// <summary>The chance from which a message is raised to emergency.</summary>
    public double Threshold { get; }

    /// <summary>Words that open a negated stretch.</summary>
    public FrozenSet<string> NegationWords { get; }

    /// <summary>What a person is told when the reader raised the result.</summary>
    public string Explanation { get; }

    /// <summary>The weight of each feature.</summary>
    public IReadOnlyDictionary<string, double> Weights => _weights;

    /// <summary>The features of <paramref name="text"/>, each once: words and neighbouring word pairs, sentence by sentence.</summary>
    public static IReadOnlyList<string> Features(string text, IReadOnlySet<string> negationWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(negationWords);
        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in TextClauses.Split(text))
        {
            features.UnionWith(SentenceFeatures(sentence, negationWords));
        }

        return [.. features];
    }

    /// <summary>Reads <paramref name="text"/>: the chance that it needs care at <see cref="Level"/> or sooner, and the sentence that weighs most.</summary>
    public WordReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(text, TextClauses.Split(text));
    }

    /// <summary>Reads only <paramref name="sentences"/> of <paramref name="text"/> (the engine leaves out general-question framings).</summary>
    internal WordReading Read(string text, IEnumerable<Sentence> sentences)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var score = Bias;
        var bestWeight = double.NegativeInfinity;
        (int Start, int End) best = (0, 0);
        foreach (var sentence in sentences)
        {
            var weight = 0.0;
            foreach (var feature in SentenceFeatures(sentence, NegationWords))
            {
                var w = _weights.GetValueOrDefault(feature);
                weight += w;
                if (seen.Add(feature))
                {
                    score += w;
                }
            }

            if (weight > bestWeight)
            {
                bestWeight = weight;
                best = (sentence.Tokens[0].Start, sentence.Tokens[^1].End);
            }
        }

        var probability = 1 / (1 + Math.Exp(-score));
        return new WordReading(probability, probability >= Threshold, Quote(text, best.Start, best.End));
    }

    /// <summary>Reads a reader file (see <see cref="Write"/>); returns the reader or the problems, each with its line.</summary>
    public static (WordReader? Reader, ImmutableArray<ImportDiagnostic> Errors) Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = ImmutableArray.CreateBuilder<ImportDiagnostic>();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double? bias = null, threshold = null, overUrgent = null, withoutReport = null;
        string[] negation = [];
        string? explanation = null;
        var level = TriageLevel.Emergency;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line == "#")
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2)
            {
                errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, "expected two tab-separated fields: a feature and its weight, or a #setting and its value"));
                continue;
            }

            switch (parts[0])
            {
                case "#bias":
                    bias = Number(parts[1]);
                    break;
                case "#threshold":
                    threshold = Number(parts[1]) is { } t and > 0 and < 1 ? t : null;
                    if (threshold is null)
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, "#threshold must be a number between 0 and 1"));
                    }

                    break;
                case "#thresholdOverUrgent":
                    overUrgent = Number(parts[1]) is { } o and > 0 and < 1 ? o : null;
                    if (overUrgent is null)
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, "#thresholdOverUrgent must be a number between 0 and 1"));
                    }

                    break;
                case "#thresholdWithoutReport":
                    withoutReport = Number(parts[1]) is { } w and > 0 and < 1 ? w : null;
                    if (withoutReport is null)
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, "#thresholdWithoutReport must be a number between 0 and 1"));
                    }

                    break;
                case "#negation":
                    negation = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "#explanation":
                    explanation = parts[1].Trim();
                    break;
                case "#level":
                    if (TriageLevels.Parse(parts[1]) is { } parsed and (TriageLevel.Emergency or TriageLevel.Urgent))
                    {
                        level = parsed;
                    }
                    else
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, "#level must be emergency or urgent"));
                    }

                    break;
                case "feature":
                    break; // the column header
                default:
                    if (parts[0].StartsWith('#'))
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, $"unknown setting '{parts[0]}' (use #level, #bias, #threshold, #thresholdOverUrgent, #thresholdWithoutReport, #negation or #explanation)"));
                    }
                    else if (Number(parts[1]) is not { } weight)
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, $"the weight of '{parts[0]}' is not a number"));
                    }
                    else if (!weights.TryAdd(parts[0], weight))
                    {
                        errors.Add(ImportDiagnostic.Error(sourceName, lineNumber, $"feature '{parts[0]}' is listed twice"));
                    }

                    break;
            }
        }

        if (bias is null || threshold is null || string.IsNullOrWhiteSpace(explanation) || weights.Count == 0)
        {
            errors.Add(ImportDiagnostic.Error(sourceName, Math.Max(lineNumber, 1), "a reader file needs #bias, #threshold, #explanation and at least one feature"));
        }

        return errors.Count > 0
            ? (null, errors.ToImmutable())
            : (new WordReader(weights, bias!.Value, threshold!.Value, negation, explanation!, level, overUrgent, withoutReport), []);
    }

    /// <summary>Writes the reader as a TSV file: comment lines, the settings, then one feature and weight per line, heaviest first.</summary>
    public void Write(TextWriter writer, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comments);
        foreach (var comment in comments)
        {
            writer.WriteLine("# " + comment);
        }

        writer.WriteLine("#level\t" + Level.Name());
        writer.WriteLine("#bias\t" + Bias.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteLine("#threshold\t" + Threshold.ToString("0.###", CultureInfo.InvariantCulture));
        if (ThresholdOverUrgent != Threshold)
        {
            writer.WriteLine("#thresholdOverUrgent\t" + ThresholdOverUrgent.ToString("0.###", CultureInfo.InvariantCulture));
        }

        if (ThresholdWithoutReport != Threshold)
        {
            writer.WriteLine("#thresholdWithoutReport\t" + ThresholdWithoutReport.ToString("0.###", CultureInfo.InvariantCulture));
        }

        writer.WriteLine("#negation\t" + string.Join(' ', NegationWords.Order(StringComparer.Ordinal)));
        writer.WriteLine("#explanation\t" + Explanation);
        writer.WriteLine("feature\tweight");
        foreach (var (feature, weight) in _weights.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(feature + "\t" + weight.ToString("0.####", CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<string> SentenceFeatures(Sentence sentence, IReadOnlySet<string> negationWords)
    {
        var words = new string[sentence.Tokens.Length];
        var negatedClause = -1;
        for (var i = 0; i < words.Length; i++)
        {
            var token = sentence.Tokens[i];
            var word = Shape(token.Text);
            if (negatedClause != token.Clause)
            {
                negatedClause = -1;
            }

            words[i] = negatedClause == token.Clause ? "~" + word : word;
            if (negationWords.Contains(word))
            {
                negatedClause = token.Clause;
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            yield return words[i];
            if (Stem(words[i]) is { } stem)
            {
                yield return stem;
            }

            if (i + 1 < words.Length)
            {
                yield return words[i] + "_" + words[i + 1];
            }
        }
    }

    /// <summary>
    /// The first letters of a long word ("tingl*" for "tingling", "tingly", "tinglin"), so that spellings and word forms
    /// no labelled text used still share weight with those that did.
    /// </summary>
    private static string? Stem(string word)
    {
        var letters = word.StartsWith('~') ? word.Length - 1 : word.Length;
        return letters >= 6 ? word[..(word.Length - letters + 5)] + "*" : null;
    }

    /// <summary>Numbers are read by their shape ("39.8" and "40" are both "0"; "25mph" is "0mph"), not their value.</summary>
    private static string Shape(string word) =>
        word.Length > 0 && char.IsDigit(word[0]) ? "0" + word.TrimStart("0123456789.".ToCharArray()) : word;

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string Quote(string text, int start, int end)
    {
        var quote = text[start..end];
        if (quote.Length <= MaxEvidenceLength)
        {
            return quote;
        }

        var cut = quote.LastIndexOf(' ', MaxEvidenceLength);
        return quote[..(cut > 0 ? cut : MaxEvidenceLength)] + " …";
    }
}

/// <summary>What the second reader made of a message.</summary>
/// <param name="Probability">The model's chance that the message needs care at the reader's level or sooner.</param>
/// <param name="IsEmergencyLike">Whether the chance reaches the reader's threshold.</param>
/// <param name="Evidence">The sentence that weighs most towards emergency, as written.</param>
public sealed record WordReading(double Probability, bool IsEmergencyLike, string Evidence);
