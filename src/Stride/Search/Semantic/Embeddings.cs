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

    /// <summary>One vector per text, in order. The generators Stride uses finish synchronously.</summary>
    public static float[][] Encode(IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, IProgress<(int Done, int Total)>? progress = null)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            var embeddings = generator.GenerateAsync(batch).GetAwaiter().GetResult();
            for (var i = 0; i < embeddings.Count; i++)
            {
                result[start + i] = embeddings[i].Vector.ToArray();
            }

            progress?.Report((Math.Min(texts.Count, start + BatchSize), texts.Count));
        }

        return result;
    }
}
