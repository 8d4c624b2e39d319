using System.Globalization;

namespace Stride.Triage;

/// <summary>
/// A phrase a rule looks for, compiled from text such as <c>{CANT} {PEE}</c>: a sequence of elements, each a set of
/// alternative word sequences. Between elements up to <see cref="MaxGap"/> other words may stand ("can't really
/// pee"). Words may be literal (<c>bladder</c>, matched with one typo allowed for words of six or more letters),
/// prefixes (<c>numb*</c>) or numbers (<c>#&gt;50</c>, <c>#20~42</c>). An element followed by <c>?</c> is optional.
/// Inside <c>a|b</c> an underscore joins words into one alternative (<c>at_night|in_the_night</c>).
/// Parts joined by <c>&amp;</c> compose concepts: <c>{LOSS} &amp; {BLADDER}</c> matches when both parts stand within
/// <see cref="NearWindow"/> words of each other in either order ("lost control of his bladder", "bladder: no control").
/// </summary>
internal sealed class PhrasePattern
{
    /// <summary>How many other words may stand between two elements of a rule's pattern.</summary>
    public const int MaxGap = 2;

    /// <summary>How many other words may stand where a pattern says <c>*</c>.</summary>
    public const int WideGap = 8;

    /// <summary>
    /// How far apart (in words, first to last) the parts of an <c>&amp;</c> pattern may stand: wide enough for
    /// "my dad's legs have both suddenly gone numb", narrow enough that a long story does not pair unrelated words.
    /// </summary>
    public const int NearWindow = 10;

    private readonly Element[] _elements;
    private readonly int _maxGap;
    private readonly PhrasePattern[] _parts;

    private PhrasePattern(string source, Element[] elements, int maxGap, PhrasePattern[] parts)
    {
        Source = source;
        _elements = elements;
        _maxGap = maxGap;
        _parts = parts;
    }

    /// <summary>The pattern as written in the rules file.</summary>
    public string Source { get; }

    /// <summary>Compiles <paramref name="text"/>, expanding <c>{NAME}</c> from <paramref name="terms"/>.</summary>
    public static PhrasePattern Compile(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> terms, int maxGap = MaxGap)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('&', StringComparison.Ordinal))
        {
            var parts = text.Split('&', StringSplitOptions.TrimEntries);
            if (parts.Any(p => p.Length == 0))
            {
                throw new FormatException($"the pattern '{text}' has an empty part around '&'");
            }

            return new PhrasePattern(text, [], maxGap, [.. parts.Select(p => Compile(p, terms, maxGap))]);
        }

        var elements = new List<Element>();
        var wide = false;

        // Written the way the text is normalised: lowercase, no apostrophes, hyphens as spaces ("long-term").
        var normalised = text.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace('-', ' ');
        foreach (var raw in normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*")
            {
                wide = true; // "a * b": up to WideGap words may stand between a and b
                continue;
            }

            var optional = raw.Length > 1 && raw.EndsWith('?');
            var part = optional ? raw[..^1] : raw;
            // "a|{TERM}|b": each alternative is a word (or several) or every entry of a concept.
            var alternatives = new List<string>();
            foreach (var alternative in part.Split('|'))
            {
                if (alternative.StartsWith('{') && alternative.EndsWith('}'))
                {
                    var name = alternative[1..^1];
                    alternatives.AddRange(terms.TryGetValue(name.ToUpperInvariant(), out var list)
                        ? list.Select(a => a.Replace("'", string.Empty, StringComparison.Ordinal).Replace('-', ' '))
                        : throw new FormatException($"unknown term {{{name.ToUpperInvariant()}}} in pattern '{text}'"));
                }
                else
                {
                    alternatives.Add(alternative.Replace('_', ' ')); // "at_night|in_the_night": several words as one alternative
                }
            }

            elements.Add(new Element(
                [.. alternatives.Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word.Parse).ToArray())],
                optional,
                wide));
            wide = false;
        }

        if (elements.Count == 0 || elements.All(e => e.Optional))
        {
            throw new FormatException($"the pattern '{text}' has no words");
        }

        return new PhrasePattern(text, [.. elements], maxGap, []);
    }

    /// <summary>
    /// Every place the pattern matches, with the span of each part (one part unless the pattern composes parts with
    /// <c>&amp;</c>), so that negation can be checked on each concept where it stands.
    /// </summary>
    public IEnumerable<PhraseMatch> MatchParts(Token[] tokens)
    {
        if (_parts.Length == 0)
        {
            foreach (var (first, last) in Matches(tokens))
            {
                yield return new PhraseMatch(first, last, [(first, last)]);
            }

            yield break;
        }

        // Every combination of one match per part whose overall span fits the window; parts may overlap only if
        // they are different words, so "numb bum" does not satisfy {NUMB} & {SADDLE} with a single token.
        var perPart = _parts.Select(p => p.Matches(tokens).ToArray()).ToArray();
        if (perPart.Any(m => m.Length == 0))
        {
            yield break;
        }

        foreach (var combination in Combine(perPart, 0, []))
        {
            var first = combination.Min(c => c.First);
            var last = combination.Max(c => c.Last);
            if (last - first <= NearWindow && !Overlaps(combination))
            {
                yield return new PhraseMatch(first, last, combination);
            }
        }
    }

    private static IEnumerable<(int First, int Last)[]> Combine((int First, int Last)[][] perPart, int k, (int First, int Last)[] chosen)
    {
        if (k == perPart.Length)
        {
            yield return chosen;
            yield break;
        }

        foreach (var match in perPart[k])
        {
            foreach (var rest in Combine(perPart, k + 1, [.. chosen, match]))
            {
                yield return rest;
            }
        }
    }

    private static bool Overlaps((int First, int Last)[] spans)
    {
        for (var i = 0; i < spans.Length; i++)
        {
            for (var j = i + 1; j < spans.Length; j++)
            {
                if (spans[i].First <= spans[j].Last && spans[j].First <= spans[i].Last)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every place the pattern matches in <paramref name="tokens"/>, as (first token, last token).</summary>
    public IEnumerable<(int First, int Last)> Matches(Token[] tokens)
    {
        if (_parts.Length > 0)
        {
            foreach (var match in MatchParts(tokens))
            {
                yield return (match.First, match.Last);
            }

            yield break;
        }

        for (var start = 0; start < tokens.Length; start++)
        {
            var end = MatchFrom(tokens, 0, start, anchored: true, tokens.Length);
            if (end >= start)
            {
                yield return (start, end);
            }
        }
    }

    /// <summary>True when the pattern matches anywhere in <paramref name="tokens"/>.</summary>
    public bool IsIn(Token[] tokens) => Matches(tokens).Any();

    /// <summary>True when the pattern matches a run of tokens that ends exactly at <paramref name="last"/>.</summary>
    public bool EndsAt(Token[] tokens, int from, int last)
    {
        if (_parts.Length > 0)
        {
            return Matches(tokens[from..(last + 1)]).Any(m => m.Last == last - from);
        }

        // Negation and scope cues are tried at every word of a sentence: matching inside the bounds, rather than on
        // a copied slice, keeps this from allocating.
        for (var start = from; start <= last; start++)
        {
            if (MatchFrom(tokens, 0, start, anchored: true, limit: last + 1) == last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index of the last token matched when element <paramref name="k"/> starts at or after <paramref name="i"/>; -1 if none.</summary>
    private int MatchFrom(Token[] tokens, int k, int i, bool anchored, int limit)
    {
        if (k == _elements.Length)
        {
            return i - 1;
        }

        var element = _elements[k];
        var gap = element.WideGapBefore ? Math.Max(WideGap, _maxGap) : _maxGap;
        var lastStart = anchored ? i : Math.Min(limit - 1, i + gap);
        for (var s = i; s <= lastStart; s++)
        {
            foreach (var alternative in element.StartingWith(tokens[s].Text[0]))
            {
                if (s + alternative.Length > limit)
                {
                    continue;
                }

                var ok = true;
                for (var w = 0; w < alternative.Length && ok; w++)
                {
                    ok = alternative[w].Matches(tokens[s + w].Text);
                }

                if (ok)
                {
                    var end = MatchFrom(tokens, k + 1, s + alternative.Length, anchored: false, limit);
                    if (end >= 0)
                    {
                        return end;
                    }
                }
            }
        }

        return element.Optional ? MatchFrom(tokens, k + 1, i, anchored, limit) : -1;
    }

    /// <summary>One match: the whole span and the span of each composed part.</summary>
    internal sealed record PhraseMatch(int First, int Last, (int First, int Last)[] Parts);

    /// <summary>One place in a pattern: its alternative word sequences, whether it may be left out, and the gap before it.</summary>
    private sealed class Element
    {
        private readonly Dictionary<char, Word[][]> _byFirstLetter;
        private readonly Word[][] _anyFirstLetter;

        public Element(Word[][] alternatives, bool optional, bool wideGapBefore)
        {
            Optional = optional;
            WideGapBefore = wideGapBefore;

            // Concepts expand into dozens of alternatives; a word can only match a token with its own first letter
            // (typos are allowed after it), so each token is tried against that letter's alternatives alone, in the
            // written order. Numbers and bare prefixes can match any token.
            _anyFirstLetter = [.. alternatives.Where(a => a[0].FirstLetter is null)];
            _byFirstLetter = alternatives.Select(a => a[0].FirstLetter).OfType<char>().Distinct()
                .ToDictionary(c => c, c => alternatives.Where(a => a[0].FirstLetter is null || a[0].FirstLetter == c).ToArray());
        }

        public bool Optional { get; }

        public bool WideGapBefore { get; }

        /// <summary>The alternatives that may match at a token starting with <paramref name="letter"/>, in the written order.</summary>
        public Word[][] StartingWith(char letter) => _byFirstLetter.TryGetValue(letter, out var list) ? list : _anyFirstLetter;
    }

    /// <summary>One word of a pattern.</summary>
    private sealed record Word(string Text, bool Prefix, char? Comparison, double Number, double Upper = 0)
    {
        private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
        {
            ["one"] = 1,
            ["two"] = 2,
            ["three"] = 3,
            ["four"] = 4,
            ["five"] = 5,
            ["six"] = 6,
            ["seven"] = 7,
            ["eight"] = 8,
            ["nine"] = 9,
            ["ten"] = 10,
            ["twelve"] = 12,
            ["fifteen"] = 15,
            ["sixteen"] = 16,
            ["seventeen"] = 17,
            ["eighteen"] = 18,
            ["nineteen"] = 19,
            ["twenty"] = 20,
            ["thirty"] = 30,
            ["forty"] = 40,
            ["fifty"] = 50,
            ["sixty"] = 60,
            ["seventy"] = 70,
            ["eighty"] = 80,
            ["ninety"] = 90,
            ["a"] = 1,
            ["couple"] = 2,
            ["few"] = 3,
            ["several"] = 3,
        };

        public static Word Parse(string text)
        {
            // "#20~42" is a number in a range, inclusive ("#20~42wks": with the unit glued on): "33wks" pregnant.
            if (text.StartsWith('#') && text.Length > 3 && char.IsDigit(text[1]) && text.IndexOf('~', StringComparison.Ordinal) is > 1 and var dash)
            {
                var upperText = text[(dash + 1)..];
                var upperDigits = upperText.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
                return new Word(
                    upperText[upperDigits..],
                    false,
                    'R',
                    double.Parse(text[1..dash], CultureInfo.InvariantCulture),
                    double.Parse(upperText[..upperDigits], CultureInfo.InvariantCulture));
            }

            if (text.StartsWith('#') && text.Length > 2 && text[1] is '>' or '<' or '=')
            {
                // "#>50" compares numbers; "#>50m" also requires a unit glued on ("62m", "58yo").
                var inclusive = text[2] == '=';
                var number = text[(inclusive ? 3 : 2)..];
                var digits = number.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
                var value = double.Parse(number[..digits], CultureInfo.InvariantCulture);
                var op = text[1] == '=' ? '=' : inclusive ? (text[1] == '>' ? 'G' : 'L') : text[1];
                return new Word(number[digits..], false, op, value);
            }

            return text.EndsWith('*') ? new Word(text[..^1], true, null, 0) : new Word(text, false, null, 0);
        }

        /// <summary>The letter every token this word matches starts with, or null when it can be any (numbers, <c>*</c>).</summary>
        public char? FirstLetter => Comparison is null && Text.Length > 0 ? Text[0] : null;

        public bool Matches(string token)
        {
            if (Comparison is { } op)
            {
                if (!TryNumber(token, out var n) || (Text.Length > 0 && !token.EndsWith(Text, StringComparison.Ordinal)))
                {
                    return false;
                }

                return op switch
                {
                    '>' => n > Number,
                    '<' => n < Number,
                    'G' => n >= Number,
                    'L' => n <= Number,
                    'R' => n >= Number && n <= Upper,
                    _ => Math.Abs(n - Number) < 1e-9,
                };
            }

            if (Prefix)
            {
                return token.StartsWith(Text, StringComparison.Ordinal);
            }

            // A five-letter token is a typo only of a word of seven or more letters: "seats" is not "sweats".
            return token == Text || (Text.Length >= 6 && token.Length >= (Text.Length >= 7 ? 5 : 6) && token[0] == Text[0] && WithinOneEdit(token, Text));
        }

        /// <summary>Reads "62", "38.5", "three", and numbers with a unit glued on such as "62m", "58yo", "40mph".</summary>
        private static bool TryNumber(string token, out double n)
        {
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out n) || NumberWords.TryGetValue(token, out n))
            {
                return true;
            }

            var digits = 0;
            while (digits < token.Length && (char.IsDigit(token[digits]) || token[digits] == '.'))
            {
                digits++;
            }

            return digits > 0 && digits < token.Length && token[digits..] is "m" or "f" or "y" or "yo" or "yr" or "yrs" or "mph" or "kg" or "c" or "lbs" or "degrees" or "deg" or "wks" or "wk" or "weeks" or "mins" or "yards" or "metres" or "meters" or "stone" or "st" or "ft" or "s" or "am" or "pm" or "kph" or "kmh" or "km" or "hrs" or "min" or "w"
                && double.TryParse(token[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out n);
        }

        /// <summary>
        /// True when the words differ by one missing or extra letter, or two neighbours swapped ("bladdr", "controll",
        /// "tinlging"). A changed letter is not accepted: it mostly makes another real word ("leaning" is not "leaking",
        /// "sweaty" is not "sweats").
        /// </summary>
        private static bool WithinOneEdit(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            var i = 0;
            while (i < a.Length && i < b.Length && a[i] == b[i])
            {
                i++;
            }

            if (i == a.Length || i == b.Length)
            {
                return true;
            }

            return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1))
                || a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i))
                || (i + 1 < a.Length && i + 1 < b.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }
    }
}
