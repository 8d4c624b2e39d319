using Stride.Search;
using Stride.Search.Pipeline;

namespace Stride.Tests.Search.Pipeline;

public sealed class SearcherPipelineTests
{
    /// <summary>A retriever that proposes fixed entries, as a dense or fused one would: by entry, not by Lucene document.</summary>
    private sealed class FixedRetriever(SearchIndex index, params string[] ids) : ICandidateRetriever
    {
        public IReadOnlyList<Candidate> Retrieve(AnalysedQuery query) => [.. ids.Select((id, i) => new Candidate(index.Entry(id), ids.Length - i))];
    }

    [Fact]
    public void Any_retriever_s_candidates_are_reranked()
    {
        var index = PipelineIndexes.OwnKb;
        var searcher = new Searcher(index, new SearchOptions(), new FixedRetriever(index, "causes-how-common", "causes-why-walking-hurts"), rules: null);

        var hits = searcher.Search("Why does my lower back hurt when I walk?");

        Assert.Equal(["causes-why-walking-hurts", "causes-how-common"], hits.Select(h => h.Entry.Id));
    }

    [Fact]
    public void No_candidates_is_no_hits()
    {
        var index = PipelineIndexes.OwnKb;

        Assert.Empty(new Searcher(index, new SearchOptions(), new FixedRetriever(index), rules: null).Search("back pain"));
    }

    [Fact]
    public void Concurrent_searches_give_what_one_at_a_time_gives()
    {
        var searcher = PipelineIndexes.Searcher(PipelineIndexes.OwnKb);
        string[] questions =
        [
            "Why does my lower back hurt when I walk?", "is it normal for your back to ache on a walk", "lowr back kills me every time i walk to the shops",
            "I hurt my back lifting boxes. What should I do?", "should i stop walking if my back hurts", "what shoes are best for back pain",
        ];
        var expected = questions.Select(q => Ids(searcher.Search(q))).ToList();

        var concurrent = new List<string>[questions.Length * 8];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => concurrent[i] = Ids(searcher.Search(questions[i % questions.Length])));

        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length], concurrent[i]);
        }

        static List<string> Ids(IReadOnlyList<SearchHit> hits) => [.. hits.Select(h => $"{h.Entry.Id} {h.Score:R} {h.Confidence:R}")];
    }

    [Fact]
    public void Words_the_index_lacks_do_not_grow_the_document_frequency_cache()
    {
        var searcher = PipelineIndexes.Searcher(PipelineIndexes.OwnKb);
        // The same shape of query once first, so that the entries it finds have had their words looked up.
        searcher.Search("zzqx999vv blorptastic999 back");
        var before = PipelineIndexes.OwnKb.Vocabulary.CachedDocumentFrequencies;

        for (var i = 0; i < 50; i++)
        {
            searcher.Search($"zzqx{i}vv blorptastic{i} back");
        }

        Assert.Equal(before, PipelineIndexes.OwnKb.Vocabulary.CachedDocumentFrequencies);
    }

    [Fact]
    public void Focus_names_are_found_through_the_facade()
    {
        Assert.Equal(["Plantar fasciitis"], PipelineIndexes.Searcher(PipelineIndexes.Pages).FocusNames("my plantar fasiciitis is killing me"));
    }
}
