using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Stride.Search.Pipeline;

/// <summary>
/// BM25 candidates over question, alternates, focus and answer, each word with its synonyms and corrections, plus the
/// entries about the conditions or drugs the message names. Thread-safe (Lucene searchers are).
/// </summary>
/// <remarks>
/// User text is never given to a query parser: queries are built from analysed terms, so <c>AND</c>, <c>*</c>, quotes
/// and <c>:</c> are just characters.
/// </remarks>
internal sealed class Bm25CandidateRetriever : ICandidateRetriever
{
    // One sub-query per word keeps every BooleanQuery far below Lucene's clause limit (1024) whatever the message's
    // length: the top level holds at most this many words plus the focuses.
    private const int MaxWordsQueried = 200;

    private readonly SearchIndex _index;
    private readonly SearchOptions _options;

    /// <summary>Retrieves from <paramref name="index"/> with the boosts of <paramref name="options"/>.</summary>
    public Bm25CandidateRetriever(SearchIndex index, SearchOptions options)
    {
        _index = index;
        _options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<Candidate> Retrieve(AnalysedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Documents scored in order: Lucene then scores the query's disjunctions with BooleanScorer2, the same sums,
        // instead of BooleanScorer, which allocates a 2,048-bucket table for every nested word query (about 40 % of
        // all the memory a question allocated, and garbage collections that stalled the web host's slowest answers).
        var collector = TopScoreDocCollector.Create(_options.CandidateCount, docsScoredInOrder: true);
        _index.Searcher.Search(BuildQuery(query), collector);
        var top = collector.GetTopDocs();
        return [.. top.ScoreDocs.Select(d => new Candidate(_index.EntryAt(d.Doc), d.Score))];
    }

    private BooleanQuery BuildQuery(AnalysedQuery analysed)
    {
        (string Field, float Boost)[] fields =
        [
            (IndexFields.Question, _options.QuestionBoost),
            (IndexFields.Alternates, _options.AlternatesBoost),
            (IndexFields.Focus, _options.FocusBoost),
            (IndexFields.Answer, _options.AnswerBoost),
        ];

        var query = new BooleanQuery();
        foreach (var concept in analysed.Concepts.Take(MaxWordsQueried))
        {
            var any = new BooleanQuery();
            foreach (var (field, boost) in fields)
            {
                if (!concept.Corrected)
                {
                    any.Add(new TermQuery(new Term(field, concept.Term)) { Boost = boost }, Occur.SHOULD);
                }

                foreach (var synonym in concept.Alternatives.Take(_options.MaxAlternativesQueried))
                {
                    any.Add(new TermQuery(new Term(field, synonym)) { Boost = boost * _options.SynonymWeight }, Occur.SHOULD);
                }
            }

            any.Boost = (float)concept.Boost;
            query.Add(any, Occur.SHOULD);
        }

        // Entries about a focus the question names are candidates even when their wording differs.
        foreach (var (focus, strength) in analysed.Focuses.OrderByDescending(f => f.Value).Take(_options.MaxFocusesQueried))
        {
            query.Add(new TermQuery(new Term(IndexFields.FocusKey, focus)) { Boost = (float)(_options.FocusBoost * _options.FocusKeyBoost * strength) }, Occur.SHOULD);
        }

        return query;
    }
}
