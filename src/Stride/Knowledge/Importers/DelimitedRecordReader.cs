using System.Text;

namespace Stride.Knowledge.Importers;

/// <summary>
/// Splits CSV (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks) or TSV text into records,
/// tracking the line each record starts on.
/// </summary>
/// <param name="reader">The text to read.</param>
/// <param name="separator">',' for CSV, a tab for TSV (quotes are only special in CSV).</param>
public sealed class DelimitedRecordReader(TextReader reader, char separator)
{
    private int _line;

    /// <summary>Reads the next record; false at the end or on an error (then <paramref name="error"/> says what).</summary>
    public bool TryRead(out List<string> fields, out int startLine, out string? error)
    {
        fields = [];
        error = null;
        var text = reader.ReadLine();
        _line++;
        startLine = _line;
        if (text is null)
        {
            return false;
        }

        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                if (!quoted)
                {
                    fields.Add(field.ToString());
                    return true;
                }

                // A quoted field goes on over a line break.
                var next = reader.ReadLine();
                if (next is null)
                {
                    error = "a quoted field is never closed (missing \")";
                    return false;
                }

                _line++;
                field.Append('\n');
                text = next;
                i = 0;
                continue;
            }

            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] != separator)
                    {
                        error = $"unexpected character '{text[i]}' after a closing quote (column {i + 1})";
                        return false;
                    }

                    continue;
                }

                field.Append(c);
                i++;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '"' && field.Length == 0 && separator == ',')
            {
                quoted = true;
                i++;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }
    }
}
