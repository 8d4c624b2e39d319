using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Stride.Knowledge;

namespace Stride.Search.Semantic;

/// <summary>
/// One unit-length vector per entry of an index (row i is the entry at document i), made by one embedding model,
/// and the model to embed queries with. Built once per engine snapshot (from a <see cref="VectorCache"/> when it
/// has them); immutable and thread-safe.
/// </summary>
public sealed class EntryVectors
{
    private readonly float[] _matrix;

    private EntryVectors(IEmbeddingGenerator<string, Embedding<float>> generator, string modelId, float[] matrix, int count, int dimensions, bool fromCache)
    {
        Generator = generator;
        ModelId = modelId;
        _matrix = matrix;
        Count = count;
        Dimensions = dimensions;
        FromCache = fromCache;
    }

    /// <summary>The model that made the vectors; queries are embedded with it too.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; }

    /// <summary>The model's id.</summary>
    public string ModelId { get; }

    /// <summary>How many entries (rows).</summary>
    public int Count { get; }

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>True when the vectors were read from a cache rather than embedded.</summary>
    public bool FromCache { get; }

    /// <summary>
    /// The text embedded for an entry: its question and its answer. Measured on the tuning halves of the blind
    /// paraphrase sets (docs/benchmarks.md): the answer carries much of the match on FAQ pages.
    /// </summary>
    public static string TextOf(KbEntry entry, bool withAnswer = true)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return !withAnswer || entry.Answer.Length == 0 ? entry.Question : $"{entry.Question}\n{entry.Answer}";
    }

    /// <summary>
    /// The vectors of every entry of <paramref name="index"/>: read from the first of <paramref name="caches"/> that has
    /// them, else embedded (reporting <paramref name="progress"/>) and saved to the first cache that can be written.
    /// </summary>
    public static EntryVectors Build(SearchIndex index, IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<VectorCache> caches, IProgress<(int Done, int Total)>? progress = null,
        bool withAnswer = true)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(caches);
        var texts = Enumerable.Range(0, index.Count).Select(doc => TextOf(index.EntryAt(doc), withAnswer)).ToList();
        var modelId = Embeddings.ModelIdOf(generator);
        var key = VectorCache.Key(modelId, texts);
        if (texts.Count == 0)
        {
            return new EntryVectors(generator, modelId, [], 0, 0, fromCache: false);
        }

        var dimensions = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
        if (dimensions is { } known)
        {
            foreach (var cache in caches)
            {
                if (cache.TryLoad(key, texts.Count, known) is { } cached)
                {
                    return new EntryVectors(generator, modelId, cached, texts.Count, known, fromCache: true);
                }
            }
        }

        var vectors = Embeddings.Encode(generator, texts, progress);
        var width = vectors[0].Length;
        var matrix = new float[texts.Count * width];
        for (var i = 0; i < vectors.Length; i++)
        {
            Normalise(vectors[i]);
            vectors[i].CopyTo(matrix, i * width);
        }

        foreach (var cache in caches)
        {
            if (cache.Save(key, matrix, texts.Count, width))
            {
                break;
            }
        }

        return new EntryVectors(generator, modelId, matrix, texts.Count, width, fromCache: false);
    }

    /// <summary>The unit-length vector of <paramref name="text"/>.</summary>
    public float[] Embed(string text)
    {
        var vector = Embeddings.Encode(Generator, [text])[0];
        Normalise(vector);
        return vector;
    }

    /// <summary>Cosine similarity of <paramref name="query"/> (unit length) with every entry, by document.</summary>
    public float[] Similarities(ReadOnlySpan<float> query)
    {
        var result = new float[Count];
        for (var doc = 0; doc < Count; doc++)
        {
            result[doc] = TensorPrimitives.Dot(query, _matrix.AsSpan(doc * Dimensions, Dimensions));
        }

        return result;
    }

    private static void Normalise(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
