using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Stride.Knowledge;

namespace Stride.Search.Semantic;

/// <summary>
/// One unit-length vector per entry of an index (row i is the entry at document i), made by one embedding model,
/// and the model to embed queries with; in small collections also passage vectors (sentences and alternates, see
/// <see cref="EntryTextPlan"/>) after those rows. Built once per engine snapshot (from a <see cref="VectorCache"/>
/// when it has them); immutable and thread-safe.
/// </summary>
public sealed class EntryVectors
{
    private const int RecentQueryLimit = 512;

    private readonly float[] _matrix;
    private readonly ConcurrentDictionary<string, float[]> _recentQueries = new(StringComparer.Ordinal);

    // Passage row p (matrix row Count + p) belongs to document _passageDocs[p]; _passageIsAlternate says its kind.
    private readonly int[] _passageDocs;
    private readonly bool[] _passageIsAlternate;

    private EntryVectors(IEmbeddingGenerator<string, Embedding<float>> generator, string modelId, float[] matrix, int count, int dimensions, int embedded,
        EntryTextPlan plan, int[] passageDocs, bool[] passageIsAlternate)
    {
        Plan = plan;
        _passageDocs = passageDocs;
        _passageIsAlternate = passageIsAlternate;
        Embedded = embedded;
        Generator = generator;
        ModelId = modelId;
        _matrix = matrix;
        Count = count;
        Dimensions = dimensions;
    }

    /// <summary>The model that made the vectors; queries are embedded with it too.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; }

    /// <summary>The model's id.</summary>
    public string ModelId { get; }

    /// <summary>How many entries (rows).</summary>
    public int Count { get; }

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>True when every vector was read from a cache rather than embedded.</summary>
    public bool FromCache => Count > 0 && Embedded == 0;

    /// <summary>How many texts (whole entries and passages) were embedded when these vectors were built (the rest were read from a cache).</summary>
    public int Embedded { get; }

    /// <summary>How many passage vectors (answer sentences and alternates) there are besides one per entry.</summary>
    public int Passages => _passageDocs.Length;

    /// <summary>What was embedded for each entry.</summary>
    public EntryTextPlan Plan { get; }

    /// <summary>
    /// The text embedded for an entry: its question and the first <paramref name="answerWords"/> words of its answer
    /// (0: the question alone). The answer carries much of the match on FAQ pages; on long MedQuAD answers the first
    /// words carry it, and the rest only costs time (measured in docs/benchmarks.md).
    /// </summary>
    public static string TextOf(KbEntry entry, int answerWords)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(answerWords);
        if (answerWords == 0 || entry.Answer.Length == 0)
        {
            return entry.Question;
        }

        var words = entry.Answer.Split((char[]?)null, answerWords + 1, StringSplitOptions.RemoveEmptyEntries);
        var answer = words.Length <= answerWords ? entry.Answer : string.Join(' ', words.Take(answerWords));
        return $"{entry.Question}\n{answer}";
    }

    /// <summary>
    /// The vectors of every entry of <paramref name="index"/>, made as <paramref name="plan"/> says (by default
    /// <see cref="SearchOptions.TextPlanFor"/> with default settings): read from the first of <paramref name="caches"/>
    /// that has all of them; else the rows any cache holds for unchanged texts are reused and only the rest embedded
    /// (reporting <paramref name="progress"/>), and the whole is saved to the first cache that can be written.
    /// </summary>
    public static EntryVectors Build(SearchIndex index, IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<VectorCache> caches, IProgress<(int Done, int Total)>? progress = null,
        EntryTextPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(caches);
        plan ??= new SearchOptions().TextPlanFor(index.Count);
        var (texts, passageDocs, passageIsAlternate) = Rows(index, plan);

        var modelId = Embeddings.ModelIdOf(generator);
        var key = VectorCache.Key(modelId, texts);
        var count = index.Count;
        EntryVectors Made(float[] matrix, int dimensions, int embedded) =>
            new(generator, modelId, matrix, count, dimensions, embedded, plan, [.. passageDocs], [.. passageIsAlternate]);

        if (texts.Count == 0)
        {
            return Made([], 0, 0);
        }

        var dimensions = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
        if (dimensions is { } known)
        {
            foreach (var cache in caches)
            {
                if (cache.TryLoad(key, texts.Count, known) is { } cached)
                {
                    return Made(cached, known, 0);
                }
            }
        }

        var rowHashes = texts.Select(VectorCache.RowHash).ToList();
        var found = new bool[texts.Count];
        float[]? matrix = null;
        if (dimensions is { } width)
        {
            matrix = new float[texts.Count * width];
            foreach (var cache in caches)
            {
                cache.Reuse(modelId, rowHashes, width, matrix, found);
            }
        }

        var missing = Enumerable.Range(0, texts.Count).Where(row => !found[row]).ToList();
        var vectors = Embeddings.Encode(generator, [.. missing.Select(row => texts[row])], progress);
        var dims = dimensions ?? vectors[0].Length;
        matrix ??= new float[texts.Count * dims];
        for (var i = 0; i < missing.Count; i++)
        {
            if (vectors[i].Length != dims)
            {
                throw new InvalidOperationException($"the model gave a vector of {vectors[i].Length} numbers, not {dims}");
            }

            Normalise(vectors[i]);
            vectors[i].CopyTo(matrix, missing[i] * dims);
        }

        foreach (var cache in caches)
        {
            if (cache.Save(key, modelId, rowHashes, matrix, dims))
            {
                break;
            }
        }

        return Made(matrix, dims, missing.Count);
    }

    /// <summary>
    /// Every text embedded for <paramref name="index"/> under <paramref name="plan"/>, in matrix order: one whole text
    /// per document, then the passages of each document in turn. The cache key is made from these.
    /// </summary>
    public static IReadOnlyList<string> TextsOf(SearchIndex index, EntryTextPlan plan)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(plan);
        return Rows(index, plan).Texts;
    }

    private static (List<string> Texts, List<int> PassageDocs, List<bool> PassageIsAlternate) Rows(SearchIndex index, EntryTextPlan plan)
    {
        var texts = Enumerable.Range(0, index.Count).Select(doc => TextOf(index.EntryAt(doc), plan.AnswerWords)).ToList();
        var passageDocs = new List<int>();
        var passageIsAlternate = new List<bool>();
        for (var doc = 0; doc < index.Count; doc++)
        {
            foreach (var passage in plan.PassagesOf(index.EntryAt(doc)))
            {
                texts.Add(passage.Text);
                passageDocs.Add(doc);
                passageIsAlternate.Add(passage.IsAlternate);
            }
        }

        return (texts, passageDocs, passageIsAlternate);
    }

    /// <summary>The unit-length vector of <paramref name="text"/> (a new array each call).</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_recentQueries.TryGetValue(text, out var vector))
        {
            vector = Embeddings.Encode(Generator, [text])[0];
            Normalise(vector);

            // Evaluations ask the same questions once per setting, and web users repeat popular questions; a small
            // memo saves the model call (about 10 ms). Cleared when full rather than tracking use: simple and bounded.
            if (_recentQueries.Count >= RecentQueryLimit)
            {
                _recentQueries.Clear();
            }

            _recentQueries[text] = vector;
        }

        return (float[])vector.Clone();
    }

    /// <summary>
    /// The <paramref name="count"/> documents most similar to <paramref name="similarities"/>' query (as
    /// <see cref="Similarities"/> gives them), most similar first, ties by document number. A bounded heap, not a
    /// sort of every entry: at MedQuAD's 47k entries a full sort costs more than the cosines.
    /// </summary>
    public static IReadOnlyList<int> Nearest(ReadOnlySpan<float> similarities, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var heap = new PriorityQueue<int, (float Similarity, int NegativeDoc)>();
        for (var doc = 0; doc < similarities.Length; doc++)
        {
            var key = (similarities[doc], -doc);
            if (heap.Count < count)
            {
                heap.Enqueue(doc, key);
            }
            else if (count > 0 && heap.TryPeek(out _, out var least) && key.CompareTo(least) > 0)
            {
                heap.DequeueEnqueue(doc, key);
            }
        }

        var nearest = new int[heap.Count];
        for (var i = nearest.Length - 1; i >= 0; i--)
        {
            nearest[i] = heap.Dequeue();
        }

        return nearest;
    }

    /// <summary>
    /// The similarity of <paramref name="query"/> (unit length) with every entry, by document: the cosine with its
    /// whole text, or with passages the weighted mean described in <see cref="EntryTextPlan"/>.
    /// </summary>
    public float[] Similarities(ReadOnlySpan<float> query)
    {
        var result = new float[Count];
        for (var doc = 0; doc < Count; doc++)
        {
            result[doc] = TensorPrimitives.Dot(query, _matrix.AsSpan(doc * Dimensions, Dimensions));
        }

        if (_passageDocs.Length == 0)
        {
            return result;
        }

        var bestSentence = new float[Count];
        var bestAlternate = new float[Count];
        Array.Fill(bestSentence, float.NaN);
        Array.Fill(bestAlternate, float.NaN);
        for (var p = 0; p < _passageDocs.Length; p++)
        {
            var cosine = TensorPrimitives.Dot(query, _matrix.AsSpan((Count + p) * Dimensions, Dimensions));
            var best = _passageIsAlternate[p] ? bestAlternate : bestSentence;
            var doc = _passageDocs[p];
            if (float.IsNaN(best[doc]) || cosine > best[doc])
            {
                best[doc] = cosine;
            }
        }

        for (var doc = 0; doc < Count; doc++)
        {
            double sum = result[doc], weights = 1;
            if (!float.IsNaN(bestSentence[doc]))
            {
                sum += Plan.SentenceWeight * bestSentence[doc];
                weights += Plan.SentenceWeight;
            }

            if (!float.IsNaN(bestAlternate[doc]))
            {
                sum += Plan.AlternateWeight * bestAlternate[doc];
                weights += Plan.AlternateWeight;
            }

            result[doc] = (float)(sum / weights);
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
