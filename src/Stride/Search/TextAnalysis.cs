using Stride.Knowledge;
using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Stride.Resources;

namespace Stride.Search;

/// <summary>
/// The analysis Stride uses: English stemming for indexing and queries, plus the synonym map for query expansion.
/// Synonyms are applied at query time only, so the synonym file can change without rebuilding an index.
/// </summary>
public sealed class TextAnalysis : IDisposable, ITermAnalyzer
{
    /// <summary>The Lucene compatibility version used everywhere.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Words that carry no meaning for matching (compared ignoring case): Lucene's English stop words plus the function
    /// words of questions ("why", "does", "my"), which would otherwise make every question look alike. Read once from
    /// <c>Resources/stop-words.v1.txt</c>; nobody can change the set an index was built with.
    /// </summary>
    public static FrozenSet<string> StopWords { get; } = ResourceText.Lines("stop-words.v1.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Lucene's stop filter wants its own set type; this one is a read-only copy of the list above.
    private static readonly CharArraySet StopFilterWords = new CharArraySet(Version, StopWords, ignoreCase: true).AsReadOnly();

    /// <summary>Creates the analysis with no synonyms.</summary>
    public TextAnalysis()
    {
        // Unicode word rules keep "title:sciatica" as one word (a colon can join letters); people mean two words. The
        // char filter goes in the reader hook so that it also applies when Lucene reuses the analysis chain.
        IndexAnalyzer = Analyzer.NewAnonymous((_, reader) => Chain(reader), (_, reader) => new MappingCharFilter(ColonAsSpace, reader));
        Synonyms = SynonymTable.Empty;
    }

    /// <summary>Creates the analysis with synonyms read from a Solr-format synonym file.</summary>
    public TextAnalysis(string synonymsText, string sourceName)
        : this()
    {
        ArgumentNullException.ThrowIfNull(synonymsText);
        var (table, error) = SynonymTable.Parse(new StringReader(synonymsText), sourceName, Terms);
        Synonyms = table ?? throw new InvalidDataException(error!.ToString());
    }

    private static readonly NormalizeCharMap ColonAsSpace = BuildColonMap();

    /// <summary>Tokenises, folds, lowercases, drops stop words and stems: used for every text field and query.</summary>
    public Analyzer IndexAnalyzer { get; }

    /// <summary>The synonym map, matched on stems.</summary>
    public SynonymTable Synonyms { get; private init; }

    /// <summary>The stemmed terms of <paramref name="text"/>, in order, without synonyms.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        using var stream = IndexAnalyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// The stemmed terms of <paramref name="text"/>, in order, each with the word as written (for spelling checks:
    /// stemming mangles typos).
    /// </summary>
    public IReadOnlyList<(string Term, string Written)> TermsAsWritten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<(string, string)>();
        using var stream = IndexAnalyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var start = Math.Clamp(offset.StartOffset, 0, text.Length);
            var end = Math.Clamp(offset.EndOffset, start, text.Length);
            terms.Add((term.ToString(), text[start..end]));
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// Splits a query into concepts: each word (stemmed) together with the synonyms stacked on it.
    /// Stop words are gone; everything else, including words no entry uses, stays.
    /// </summary>
    public IReadOnlyList<QueryConcept> Concepts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stems = Terms(text);
        var expansions = Synonyms.Expand(stems);
        var concepts = new List<QueryConcept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count; i++)
        {
            // The same word twice adds nothing.
            if (seen.Add(stems[i]))
            {
                concepts.Add(new QueryConcept(stems[i], expansions.TryGetValue(i, out var synonyms) ? synonyms : []));
            }
        }

        return concepts;
    }

    private static NormalizeCharMap BuildColonMap()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add(":", " ");
        return builder.Build();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        IndexAnalyzer.Dispose();
    }

    private static TokenStreamComponents Chain(TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(Version, stream);

        stream = new StopFilter(Version, stream, StopFilterWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>One word of a query (stemmed) with the stemmed synonyms that may stand for it.</summary>
/// <param name="Term">The stemmed word as typed.</param>
/// <param name="Synonyms">Stemmed synonyms from the synonym map (the words of multi-word synonyms included).</param>
public sealed record QueryConcept(string Term, IReadOnlyList<string> Synonyms)
{
    /// <summary>The word and its synonyms.</summary>
    public IEnumerable<string> AllTerms => Synonyms.Prepend(Term);
}
