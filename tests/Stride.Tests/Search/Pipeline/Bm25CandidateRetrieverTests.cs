using Stride.Search;
using Stride.Search.Pipeline;

namespace Stride.Tests.Search.Pipeline;

public sealed class Bm25CandidateRetrieverTests
{
    [Fact]
    public void Candidates_are_entries_of_the_knowledge_base_best_first()
    {
        var index = PipelineIndexes.OwnKb;
        var query = PipelineIndexes.Analyzer(index).Analyse("Why does my lower back hurt when I walk?");

        var candidates = new Bm25CandidateRetriever(index, new SearchOptions()).Retrieve(query);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Same(index.KnowledgeBase.Find(c.Entry.Id), c.Entry));
        Assert.Equal(candidates.OrderByDescending(c => c.Score).Select(c => c.Score), candidates.Select(c => c.Score));
    }

    [Fact]
    public void At_most_the_candidate_count_is_retrieved()
    {
        var index = PipelineIndexes.OwnKb;
        var query = PipelineIndexes.Analyzer(index).Analyse("back pain walking");

        Assert.Equal(3, new Bm25CandidateRetriever(index, new SearchOptions { CandidateCount = 3 }).Retrieve(query).Count);
    }

    [Fact]
    public void Entries_about_a_condition_named_by_its_acronym_are_candidates_whatever_their_wording()
    {
        var index = PipelineIndexes.Pages;
        // The prevention section never says "DVT": only its condition's name does.
        var query = PipelineIndexes.Analyzer(index).Analyse("my uncle had a DVT last year");

        var ids = new Bm25CandidateRetriever(index, new SearchOptions()).Retrieve(query).Select(c => c.Entry.Id).ToList();

        Assert.Contains("dvt-3", ids);
        Assert.DoesNotContain("am-1", ids);
    }
}
