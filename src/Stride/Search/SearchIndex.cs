using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Stride.Knowledge;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Stride.Search;

/// <summary>
/// A read-only Lucene index over one knowledge-base snapshot, with the analysis used to query it.
/// Built once (in memory or in a folder) and never changed: a new KB means a new index.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly int[] _ordinalByDoc;
    private readonly Dictionary<string, int> _docById;
    private readonly Lazy<IndexVocabulary> _vocabulary;

    private SearchIndex(LuceneDirectory directory, DirectoryReader reader, KnowledgeBase knowledgeBase, int[] ordinalByDoc, TextAnalysis analysis, string synonymsText,
        FocusNameMap? savedFocusNames = null)
    {
        _directory = directory;
        SavedFocusNames = savedFocusNames;
        Reader = reader;
        KnowledgeBase = knowledgeBase;
        _ordinalByDoc = ordinalByDoc;
        _docById = new Dictionary<string, int>(ordinalByDoc.Length, StringComparer.Ordinal);
        for (var doc = 0; doc < ordinalByDoc.Length; doc++)
        {
            _docById.Add(knowledgeBase.IdAt(ordinalByDoc[doc]), doc);
        }

        Analysis = analysis;
        SynonymsText = synonymsText;
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _vocabulary = new Lazy<IndexVocabulary>(() => new IndexVocabulary(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The snapshot the index was built from.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>The analysis chains (with the synonym map) used for this index.</summary>
    public TextAnalysis Analysis { get; }

    /// <summary>The synonym file the index was built with (kept in the index so a saved index is self-contained).</summary>
    public string SynonymsText { get; }

    internal DirectoryReader Reader { get; }

    internal IndexSearcher Searcher { get; }

    /// <summary>The focus names saved with the index (null for an index built in memory: they are derived then).</summary>
    internal FocusNameMap? SavedFocusNames { get; }

    /// <summary>Word statistics and caches shared by every searcher over this index (built on first use).</summary>
    internal IndexVocabulary Vocabulary => _vocabulary.Value;

    /// <summary>Number of entries indexed.</summary>
    public int Count => _ordinalByDoc.Length;

    /// <summary>
    /// Indexes <paramref name="knowledgeBase"/> into <paramref name="directory"/> (a new in-memory directory when null).
    /// <paramref name="synonymsText"/> is a Solr-format synonym file, or empty for none.
    /// </summary>
    public static SearchIndex Build(KnowledgeBase knowledgeBase, string synonymsText, LuceneDirectory? directory = null, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(synonymsText);
        var analysis = CreateAnalysis(synonymsText, "synonyms");
        var saved = directory is not null;
        directory ??= new RAMDirectory();
        var config = new IndexWriterConfig(TextAnalysis.Version, analysis.IndexAnalyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            var entries = knowledgeBase.Entries;
            for (var i = 0; i < entries.Length; i++)
            {
                writer.AddDocument(ToDocument(entries[i], i));
                if (progress is not null && (i % 500 == 0 || i == entries.Length - 1))
                {
                    progress.Report((i + 1, entries.Length));
                }
            }

            writer.SetCommitData(new Dictionary<string, string>
            {
                [IndexFields.CommitName] = knowledgeBase.Name,
                [IndexFields.CommitVersion] = knowledgeBase.Version,
                [IndexFields.CommitHash] = knowledgeBase.ContentHash,
                [IndexFields.CommitSynonyms] = synonymsText,
                [IndexFields.CommitFormat] = IndexFields.FormatVersion,
            });
            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        var index = new SearchIndex(directory, reader, knowledgeBase, OrdinalsByDoc(reader), analysis, synonymsText);
        if (saved)
        {
            // A saved index is opened far more often than it is built: what opening would derive is written now.
            IndexLoadData.Write(directory, knowledgeBase.Entries, index.Vocabulary.FocusNames);
        }

        return index;
    }

    /// <summary>True when <paramref name="folder"/> holds an index written by <see cref="Build"/>.</summary>
    public static bool IsStrideIndex(string folder)
    {
        try
        {
            using var directory = FSDirectory.Open(folder);
            if (!DirectoryReader.IndexExists(directory))
            {
                return false;
            }

            using var reader = DirectoryReader.Open(directory);
            return reader.IndexCommit.UserData.ContainsKey(IndexFields.CommitFormat);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Opens an index saved by <see cref="Build"/>; the entries come from the index itself, no re-import. Anything
    /// that is not a readable Stride index gives an <see cref="InvalidDataException"/> saying so.
    /// </summary>
    public static SearchIndex Open(LuceneDirectory directory)
    {
        try
        {
            return OpenChecked(directory);
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or MemoryPack.MemoryPackSerializationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"the index cannot be read ({ex.Message}); rebuild it with 'stride index'", ex);
        }
    }

    private static SearchIndex OpenChecked(LuceneDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!DirectoryReader.IndexExists(directory))
        {
            throw new InvalidDataException("no Stride index was found there (build one with 'stride index')");
        }

        var reader = DirectoryReader.Open(directory);
        try
        {
            return OpenFrom(directory, reader);
        }
        catch
        {
            // Whatever stops the load, the reader (and its file handles) must not outlive it.
            reader.Dispose();
            throw;
        }
    }

    private static SearchIndex OpenFrom(LuceneDirectory directory, DirectoryReader reader)
    {
        var data = reader.IndexCommit.UserData;
        if (!data.TryGetValue(IndexFields.CommitFormat, out var format) || format != IndexFields.FormatVersion)
        {
            throw new InvalidDataException("the folder holds a Lucene index that Stride did not write, or an older format: rebuild it with 'stride index'");
        }

        // The two files are read side by side with the analysis (on two cores that is most of the difference), and
        // both reads end before anything is thrown, so the caller never closes the directory under one of them.
        var entriesRead = Task.Run(() => IndexLoadData.ReadEntries(directory));
        var focusNamesRead = Task.Run(() => IndexLoadData.ReadFocusNames(directory));
        var synonyms = data.TryGetValue(IndexFields.CommitSynonyms, out var s) ? s : string.Empty;
        var analysis = CreateAnalysis(synonyms, "index synonyms");
        try
        {
            Task.WhenAll(entriesRead, focusNamesRead).GetAwaiter().GetResult();

            var entries = entriesRead.Result
                ?? throw new InvalidDataException($"the index has no {IndexLoadData.EntriesFile}: rebuild it with 'stride index'");

            if (entries.Ids?.Length != reader.MaxDoc)
            {
                throw new InvalidDataException($"the index's {IndexLoadData.EntriesFile} holds {entries.Ids?.Length ?? 0} entries for {reader.MaxDoc} documents: rebuild it with 'stride index'");
            }

            var kb = KnowledgeBase.FromSaved(data[IndexFields.CommitName], data[IndexFields.CommitVersion], data[IndexFields.CommitHash], entries);
            if (!kb.Succeeded)
            {
                throw new InvalidDataException($"the index holds an invalid knowledge base: {kb.Errors[0]}");
            }


            return new SearchIndex(directory, reader, kb.KnowledgeBase!, OrdinalsByDoc(reader), analysis, synonyms, focusNamesRead.Result);
        }
        catch
        {
            analysis.Dispose();
            throw;
        }
    }

    /// <summary>The entry stored in document <paramref name="doc"/> (0 to <see cref="Count"/> - 1; entry vectors are by document too).</summary>
    public KbEntry EntryAt(int doc) => KnowledgeBase.EntryAt(_ordinalByDoc[doc]);

    /// <summary>The Lucene document that holds the entry with id <paramref name="entryId"/> (ids are unique in a knowledge base).</summary>
    internal int DocOf(string entryId) => _docById[entryId];

    /// <inheritdoc />
    public void Dispose()
    {
        Reader.Dispose();
        Analysis.Dispose();
        _directory.Dispose();
    }

    private static TextAnalysis CreateAnalysis(string synonymsText, string name)
    {
        return synonymsText.Length == 0 ? new TextAnalysis() : new TextAnalysis(synonymsText, name);
    }

    private static int[] OrdinalsByDoc(DirectoryReader reader)
    {
        // Lucene may reorder documents when it merges segments, so map each document back through its stored ordinal.
        var ordinals = MultiDocValues.GetNumericValues(reader, IndexFields.Ordinal);
        var byDoc = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            byDoc[doc] = (int)ordinals.Get(doc);
        }

        return byDoc;
    }

    private static Document ToDocument(KbEntry entry, int ordinal)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Id, entry.Id, Field.Store.YES),
            new NumericDocValuesField(IndexFields.Ordinal, ordinal),
            new TextField(IndexFields.Question, entry.Question, Field.Store.NO),
            new TextField(IndexFields.Answer, entry.Answer, Field.Store.NO),
            new StringField(IndexFields.Topic, entry.Topic, Field.Store.NO),
        };
        foreach (var alternate in entry.Alternates)
        {
            doc.Add(new TextField(IndexFields.Alternates, alternate, Field.Store.NO));
        }

        if (entry.Focus is not null)
        {
            doc.Add(new StringField(IndexFields.FocusKey, entry.Focus, Field.Store.NO));
        }

        var focus = entry.Focus is null ? entry.FocusSynonyms : entry.FocusSynonyms.Insert(0, entry.Focus);
        foreach (var name in focus)
        {
            doc.Add(new TextField(IndexFields.Focus, name, Field.Store.NO));
        }

        // One field with every word, for document frequencies (idf) and typo correction over the whole vocabulary.
        doc.Add(new TextField(IndexFields.All, string.Join('\n', [entry.Question, .. entry.Alternates, .. focus, entry.Answer]), Field.Store.NO));
        return doc;
    }
}
