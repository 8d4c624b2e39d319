using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Stride.Knowledge;

namespace Stride.Search;

/// <summary>
/// Reads a synonym file in Solr format (<c>bum, buttock, gluteal</c>: every term stands for every other;
/// <c>#</c> starts a comment) into a Lucene <see cref="SynonymMap"/>.
/// </summary>
public static class SynonymMapReader
{
    /// <summary>Parses synonyms, or returns an error naming the line that could not be read.</summary>
    public static (SynonymMap? Map, ImportDiagnostic? Error) Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();

        // The synonym words must be analysed the way the query is before the synonym filter runs: tokenised,
        // folded and lowercased, but not stemmed or stop-filtered, so "pins and needles" stays three words.
        using var analyzer = Analyzer.NewAnonymous((_, r) =>
        {
            var source = new StandardTokenizer(TextAnalysis.Version, r);
            TokenStream stream = new ASCIIFoldingFilter(source);
            stream = new LowerCaseFilter(TextAnalysis.Version, stream);
            return new TokenStreamComponents(source, stream);
        });
        try
        {
            var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
            parser.Parse(new StringReader(text));
            return (parser.Build(), null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, ImportDiagnostic.Error(sourceName, 0, $"cannot read the synonym map: {ex.Message}"));
        }
    }
}
