using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Pipeline;

namespace Stride.Tests.Search.Pipeline;

public sealed class ConfidenceInRankOrderTests
{
    private static SearchHit Hit(string id, double confidence) =>
        new(new KbEntry { Id = id, Question = id + "?", Answer = "An answer.", Topic = "causes" }, Score: 1, Bm25: 1, QuestionSimilarity: 0, Coverage: 0, Evidence: 0, confidence);

    [Fact]
    public void A_hit_ranked_above_a_more_confident_one_takes_its_confidence_and_the_order_stands()
    {
        var hits = ConfidenceInRankOrder.Apply([Hit("a", 0.42), Hit("b", 0.52), Hit("c", 0.24), Hit("d", 0.30), Hit("e", 0.01)]);

        Assert.Equal(["a", "b", "c", "d", "e"], hits.Select(h => h.Entry.Id));
        Assert.Equal([0.52, 0.52, 0.30, 0.30, 0.01], hits.Select(h => h.Confidence));
    }

    [Fact]
    public void Hits_already_in_order_are_unchanged()
    {
        List<SearchHit> hits = [Hit("a", 0.9), Hit("b", 0.5), Hit("c", 0.5), Hit("d", 0.1)];
        var before = hits.ToList();
        Assert.Equal(before, ConfidenceInRankOrder.Apply(hits));
        Assert.Empty(ConfidenceInRankOrder.Apply([]));
    }
}
