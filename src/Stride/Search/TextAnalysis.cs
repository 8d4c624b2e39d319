using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Stride.Search;

/// <summary>
/// The analysis chains Stride uses: English stemming for indexing, and the same chain plus the synonym map for queries.
/// Synonyms are applied at query time only, so the synonym file can change without rebuilding an index.
/// </summary>
public sealed class TextAnalysis : IDisposable
{
    /// <summary>The Lucene compatibility version used everywhere.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Words that carry no meaning for matching: Lucene's English stop words plus the function words of questions
    /// ("why", "does", "my"), which would otherwise make every question look alike.
    /// </summary>
    public static CharArraySet StopWords { get; } = new(Version,
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or",
        "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "i", "im", "i'm", "me", "my", "myself", "you", "your", "we", "our", "he", "she", "his", "her", "its", "it's", "them",
        "what", "why", "how", "when", "where", "which", "who", "whom", "whats", "what's",
        "do", "does", "did", "doing", "done", "can", "could", "should", "would", "may", "might", "must", "shall",
        "have", "has", "had", "having", "am", "been", "being", "were", "so", "very", "just", "about", "from", "up", "out",
        "than", "too", "any", "all", "some", "much", "many", "also", "there's", "dont", "don't", "get", "got", "getting",
        "anyone", "anything", "something", "someone", "please", "thanks", "thank", "hi", "hello",
    ], ignoreCase: true);

    private readonly SynonymMap? _synonyms;

    /// <summary>Creates the analysis chains with an optional synonym map for query expansion.</summary>
    public TextAnalysis(SynonymMap? synonyms)
    {
        _synonyms = synonyms;
        IndexAnalyzer = Analyzer.NewAnonymous((_, reader) => Chain(reader, null));
        QueryAnalyzer = Analyzer.NewAnonymous((_, reader) => Chain(reader, _synonyms));
    }

    /// <summary>Stems, without synonyms: used to index every text field.</summary>
    public Analyzer IndexAnalyzer { get; }

    /// <summary>Stems and adds synonyms (typed <c>SYNONYM</c>, stacked at the position of the words they replace).</summary>
    public Analyzer QueryAnalyzer { get; }

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
    /// Splits a query into concepts: each word (stemmed) together with the synonyms stacked on it.
    /// Stop words are gone; everything else, including words no entry uses, stays.
    /// </summary>
    public IReadOnlyList<QueryConcept> Concepts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var concepts = new List<(string Original, HashSet<string> Synonyms)>();
        using var stream = QueryAnalyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            var isSynonym = type.Type == SynonymFilter.TYPE_SYNONYM;
            if (concepts.Count > 0 && (position.PositionIncrement == 0 || isSynonym))
            {
                var last = concepts[^1];
                if (isSynonym && !string.Equals(value, last.Original, StringComparison.Ordinal))
                {
                    last.Synonyms.Add(value);
                }
                else if (!isSynonym)
                {
                    concepts.Add((value, new HashSet<string>(StringComparer.Ordinal)));
                }
            }
            else
            {
                concepts.Add((value, new HashSet<string>(StringComparer.Ordinal)));
            }
        }

        stream.End();

        // The same word twice adds nothing: keep its first occurrence with all synonyms seen.
        return [.. concepts
            .GroupBy(c => c.Original, StringComparer.Ordinal)
            .Select(g => new QueryConcept(g.Key, [.. g.SelectMany(c => c.Synonyms).Distinct(StringComparer.Ordinal).Where(s => s != g.Key)]))];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        IndexAnalyzer.Dispose();
        QueryAnalyzer.Dispose();
    }

    private static TokenStreamComponents Chain(TextReader reader, SynonymMap? synonyms)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        if (synonyms is not null)
        {
            stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        }

        stream = new StopFilter(Version, stream, StopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

/// <summary>One word of a query (stemmed) with the stemmed synonyms that may stand for it.</summary>
/// <param name="Term">The stemmed word as typed.</param>
/// <param name="Synonyms">Stemmed synonyms from the synonym map (single words of multi-word synonyms included).</param>
public sealed record QueryConcept(string Term, IReadOnlyList<string> Synonyms)
{
    /// <summary>The word and its synonyms.</summary>
    public IEnumerable<string> AllTerms => Synonyms.Prepend(Term);
}
