using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Stride.Knowledge;
using Stride.Search;

namespace Stride.Evaluation;

/// <summary>
/// The yardstick Stride's ranking is measured against: plain BM25 over focus + question + answer with Lucene's
/// English analyzer, no synonyms, no alternates, no question matching, no reranking.
/// </summary>
public sealed class PlainBm25Baseline : IDisposable
{
    private const string Text = "text";
    private const string Ordinal = "ord";
    private readonly RAMDirectory _directory = new();
    private readonly EnglishAnalyzer _analyzer = new(TextAnalysis.Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly KbEntry[] _entries;

    /// <summary>Indexes <paramref name="knowledgeBase"/>.</summary>
    public PlainBm25Baseline(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _entries = [.. knowledgeBase.Entries];
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(TextAnalysis.Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                var e = _entries[i];
                writer.AddDocument(new Document
                {
                    new TextField(Text, $"{e.Focus}\n{e.Question}\n{e.Answer}", Field.Store.NO),
                    new NumericDocValuesField(Ordinal, i),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The entries ranked for <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<KbEntry> Search(string query, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        var boolean = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream(Text, query))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                boolean.Add(new TermQuery(new Term(Text, term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        // Segment merges may reorder documents, so each hit is mapped back through the ordinal it was indexed with.
        var ordinals = MultiDocValues.GetNumericValues(_reader, Ordinal);
        return [.. _searcher.Search(boolean, count).ScoreDocs.Select(d => _entries[(int)ordinals.Get(d.Doc)])];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
