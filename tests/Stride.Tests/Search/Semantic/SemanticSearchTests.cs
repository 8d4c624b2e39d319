using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Stride.Evaluation;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Tests.Search.Semantic;

/// <summary>Stride's own KB indexed once, with its entry vectors (embedded once into a temporary cache).</summary>
public sealed class OwnKbVectorsFixture : IDisposable
{
    public OwnKbVectorsFixture()
    {
        Index = SearchIndex.Build(Engines.LoadKb(TestPaths.KbFolder), File.ReadAllText(TestPaths.SynonymsFile));
        CacheFolder = Path.Combine(Path.GetTempPath(), "stride-vectors-" + Guid.NewGuid().ToString("N"));
        Vectors = EntryVectors.Build(Index, MiniLmEmbeddingGenerator.Shared, [new VectorCache(CacheFolder)]);
    }

    public SearchIndex Index { get; }

    public string CacheFolder { get; }

    public EntryVectors Vectors { get; }

    public void Dispose()
    {
        Index.Dispose();
        if (Directory.Exists(CacheFolder))
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
    }
}

public sealed class SemanticSearchTests(OwnKbVectorsFixture own) : IClassFixture<OwnKbVectorsFixture>
{
    // Shares no content word with the entry's question ("Is back pain common?" ...): BM25 needs the words.
    private const string Paraphrase = "is it just me or does basically every adult end up with a dodgy back sooner or later";

    [Fact]
    public async Task MiniLm_encodes_offline_and_deterministically()
    {
        var generator = MiniLmEmbeddingGenerator.Shared;
        var first = await generator.GenerateAsync(["my lower back hurts when I walk", "which stretch helps a tight hip flexor"], cancellationToken: TestContext.Current.CancellationToken);
        var again = await generator.GenerateAsync(["my lower back hurts when I walk"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, first.Count);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, first[0].Vector.Length);
        Assert.Equal(first[0].Vector.ToArray(), again[0].Vector.ToArray());
        Assert.Equal(1.0, TensorPrimitives.Norm(first[0].Vector.Span), 3);
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void Embeddings_are_thread_safe()
    {
        var texts = Enumerable.Range(0, 8).Select(i => $"back pain on walk number {i}").ToArray();
        var serial = texts.Select(t => own.Vectors.Embed(t)).ToArray();
        var parallel = new float[texts.Length][];
        Parallel.For(0, texts.Length, i => parallel[i] = own.Vectors.Embed(texts[i]));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(serial[i], parallel[i]);
        }
    }

    [Fact]
    public void Dense_retrieval_finds_a_paraphrase_that_bm25_misses()
    {
        var plain = new Searcher(own.Index, Options.Create(new SearchOptions()));
        var hybrid = new Searcher(own.Index, Options.Create(new SearchOptions { Semantic = true }), own.Vectors);

        Assert.True(hybrid.IsSemantic);
        Assert.DoesNotContain("causes-how-common", plain.Search(Paraphrase).Take(3).Select(h => h.Entry.Id));
        Assert.Contains("causes-how-common", hybrid.Search(Paraphrase).Take(3).Select(h => h.Entry.Id));
    }

    [Fact]
    public void Semantic_off_gives_exactly_todays_ranking()
    {
        using var reader = File.OpenText(TestPaths.DataFile("kb-queries.tsv"));
        var queries = JudgedQuerySet.ReadTsv(reader).Queries.Select(q => q.Query).Append(Paraphrase).ToList();
        var today = new Searcher(own.Index, Options.Create(new SearchOptions()));
        var off = new Searcher(own.Index, Options.Create(new SearchOptions { Semantic = false }), own.Vectors);

        Assert.False(off.IsSemantic);
        foreach (var q in queries)
        {
            var expected = today.Search(q).Select(h => (h.Entry.Id, h.Score, h.Confidence)).ToList();
            var actual = off.Search(q).Select(h => (h.Entry.Id, h.Score, h.Confidence)).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_second_load_reads_the_cache_and_embeds_nothing()
    {
        using var counting = new CountingGenerator(MiniLmEmbeddingGenerator.Shared);
        var again = EntryVectors.Build(own.Index, counting, [new VectorCache(own.CacheFolder)]);

        Assert.True(again.FromCache);
        Assert.Equal(0, counting.Texts);
        Assert.Equal(own.Vectors.Similarities(own.Vectors.Embed(Paraphrase)), again.Similarities(again.Embed(Paraphrase)));
    }

    [Fact]
    public void Changed_text_or_another_model_is_embedded_again()
    {
        using var counting = new CountingGenerator(MiniLmEmbeddingGenerator.Shared);
        var questionsOnly = EntryVectors.Build(own.Index, counting, [new VectorCache(own.CacheFolder)], withAnswer: false);

        Assert.False(questionsOnly.FromCache);
        Assert.Equal(own.Index.Count, counting.Texts);
        Assert.NotEqual(VectorCache.Key("model a", ["text"]), VectorCache.Key("model b", ["text"]));
    }

    /// <summary>Passes calls on and counts the texts embedded.</summary>
    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        private int _texts;

        public int Texts => _texts;

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Add(ref _texts, list.Count);
            return base.GenerateAsync(list, options, cancellationToken);
        }
    }
}
