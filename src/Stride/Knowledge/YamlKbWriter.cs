using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Stride.Knowledge;

/// <summary>
/// Writes entries in Stride's own YAML format, the form <see cref="Importers.YamlKbImporter"/> reads back.
/// Answers are written as literal blocks so that a reviewer sees paragraphs and bullets as they are.
/// </summary>
public static class YamlKbWriter
{
    /// <summary>Writes <paramref name="entries"/> (with the collection's name and version) to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, string name, string version, IEnumerable<KbEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);

        var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(120));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Pair(emitter, "name", name);
        Pair(emitter, "version", version);
        Plain(emitter, "entries");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var e in entries)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", e.Id);
            Pair(emitter, "topic", e.Topic);
            Pair(emitter, "question", e.Question);
            StringList(emitter, "alternates", e.Alternates);
            if (e.Answer.Length > 0)
            {
                Plain(emitter, "answer");
                var literal = e.Answer.Split('\n').All(l => l.Length == 0 || l == l.TrimEnd());
                emitter.Emit(new Scalar(null, null, e.Answer, literal ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted, true, true));
            }

            if (e.Sources.Length > 0)
            {
                Plain(emitter, "sources");
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var s in e.Sources)
                {
                    emitter.Emit(new MappingStart());
                    Pair(emitter, "title", s.Title);
                    Pair(emitter, "url", s.Url);
                    emitter.Emit(new MappingEnd());
                }

                emitter.Emit(new SequenceEnd());
            }

            StringList(emitter, "related", e.Related);
            if (e.Focus is not null)
            {
                Pair(emitter, "focus", e.Focus);
            }

            StringList(emitter, "focusSynonyms", e.FocusSynonyms);
            if (e.QuestionType is not null)
            {
                Pair(emitter, "questionType", e.QuestionType);
            }

            StringList(emitter, "flags", [.. e.Flags.Select(f => f.ToString())]);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
    }

    private static void Plain(Emitter emitter, string value) => emitter.Emit(new Scalar(value));

    private static void Pair(Emitter emitter, string key, string value)
    {
        Plain(emitter, key);
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.Any, true, true));
    }

    private static void StringList(Emitter emitter, string key, IReadOnlyCollection<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Plain(emitter, key);
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var v in values)
        {
            emitter.Emit(new Scalar(null, null, v, ScalarStyle.Any, true, true));
        }

        emitter.Emit(new SequenceEnd());
    }
}
