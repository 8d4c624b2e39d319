using Microsoft.Extensions.AI;

namespace Stride.Search.Semantic;

/// <summary>Helpers over any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: its model id, and synchronous batches.</summary>
internal static class Embeddings
{
    /// <summary>Texts are encoded this many at a time (each batch is padded to its longest text).</summary>
    public const int BatchSize = 16;

    /// <summary>The model id the generator reports, or its type name when it reports none.</summary>
    public static string ModelIdOf(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? generator.GetType().FullName ?? "unknown";

    /// <summary>
    /// One vector per text, in order. Texts are batched shortest first: a batch is padded to its longest text, so
    /// batches of like lengths waste little work on padding (long MedQuAD answers next to short questions would).
    /// The generators Stride uses finish synchronously.
    /// </summary>
    public static float[][] Encode(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null)
    {
        var result = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var rows = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var embeddings = generator.GenerateAsync(rows.Select(i => texts[i]).ToList()).GetAwaiter().GetResult();
            for (var i = 0; i < embeddings.Count; i++)
            {
                result[rows[i]] = embeddings[i].Vector.ToArray();
            }

            progress?.Report((Math.Min(texts.Count, start + BatchSize), texts.Count));
        }

        return result;
    }
}
