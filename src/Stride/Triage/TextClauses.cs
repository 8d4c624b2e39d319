using System.Collections.Frozen;
using System.Text;
using Stride.Resources;

namespace Stride.Triage;

/// <summary>A word of the text, normalised (lowercase, no apostrophes), with where it came from.</summary>
/// <param name="Text">The normalised word.</param>
/// <param name="Start">Offset of the word in the original text.</param>
/// <param name="End">Offset just after the word in the original text.</param>
/// <param name="Clause">Which clause of its sentence the word is in (clauses are separated by commas, colons, dashes and brackets).</param>
internal readonly record struct Token(string Text, int Start, int End, int Clause);

/// <summary>One sentence of the text as tokens, with whether it ends with a question mark.</summary>
internal sealed record Sentence(Token[] Tokens, bool IsQuestion);

/// <summary>
/// Splits free text into sentences of normalised words: lowercase, apostrophes dropped ("can't" is "cant"),
/// accents folded, text shorthand written out ("cnt" is "cant", "b4" is "before"), so rules can be written once for
/// every way people type.
/// </summary>
internal static class TextClauses
{
    // Short forms people type on phones, written out (Resources/text-shorthand.v1.txt). Read-only once loaded.
    private static readonly FrozenDictionary<string, string[]> Shorthand = ResourceText.Pairs("text-shorthand.v1.txt")
        .ToFrozenDictionary(p => p.Key, p => p.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var start = -1;
        var clause = 0;

        void EndWord(int end)
        {
            if (word.Length > 0)
            {
                var normalised = word.ToString();
                if (Shorthand.TryGetValue(normalised, out var full))
                {
                    // Each written-out word points at the short form, so evidence still quotes what was typed.
                    tokens.AddRange(full.Select(w => new Token(w, start, end, clause)));
                }
                else
                {
                    tokens.Add(new Token(normalised, start, end, clause));
                }

                word.Clear();
            }

            start = -1;
        }

        void EndSentence(bool question)
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new Sentence([.. tokens], question));
                tokens.Clear();
            }

            clause = 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                word.Append(Fold(char.ToLowerInvariant(c)));
            }
            else if ((c is '\'' or '’' or '`') && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "can't" -> "cant", "i'm" -> "im": apostrophes inside words are dropped; a final "'s" goes with it,
                // so "my left leg's gone weak" speaks of one leg, not "legs".
                if (char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                {
                    i++;
                }
            }
            else if (c == '.' && word.Length > 0 && char.IsDigit(word[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                word.Append('.'); // 38.5 stays one number
            }
            else if (c == '+' && word.Length > 0 && char.IsDigit(word[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                // "36+2" is how pregnancy weeks and days are written: read it as "36 plus 2" so rules can name it.
                EndWord(i);
                tokens.Add(new Token("plus", i, i + 1, clause));
            }
            else
            {
                EndWord(i);
                if (c is '.' or '!' or '?' or ';' or '\n' or '\r')
                {
                    EndSentence(c == '?');
                }
                else if (c is ',' or ':' or '(' or ')' or '–' or '—' || (c == '-' && !Joins(text, i)))
                {
                    clause++;
                }
            }
        }

        EndWord(text.Length);
        EndSentence(false);
        return sentences;
    }

    /// <summary>True for a hyphen inside a word ("left-leg"), which joins rather than separates.</summary>
    private static bool Joins(string text, int i) =>
        i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);

    private static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    };
}
