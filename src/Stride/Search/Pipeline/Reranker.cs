using Stride.Knowledge;

namespace Stride.Search.Pipeline;

/// <summary>
/// Scores each candidate by how well it matches the query (question-to-question similarity, coverage, the focus and
/// the kind of answer asked for, BM25) and orders them by that score blended with the <see cref="ConfidenceModel"/>.
/// Thread-safe.
/// </summary>
internal sealed class Reranker
{
    private readonly SearchIndex _index;
    private readonly IndexVocabulary _vocabulary;
    private readonly SearchOptions _options;
    private readonly ConfidenceModel _confidence;

    /// <summary>Reranks candidates from <paramref name="index"/> with the weights of <paramref name="options"/>.</summary>
    public Reranker(SearchIndex index, SearchOptions options, ConfidenceModel confidence)
    {
        _index = index;
        _vocabulary = index.Vocabulary;
        _options = options;
        _confidence = confidence;
    }

    /// <summary>The candidates as hits, best first (not yet reordered by the ranking rules).</summary>
    public List<RankedHit> Rank(AnalysedQuery query, IReadOnlyList<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        var maxBm25 = candidates.Max(c => c.Score);

        // "Does the message contain the stored question?" matters for long, rambling messages; for a short question,
        // cosine similarity already says it. So its weight grows with the message's length.
        var askedWeight = _options.QuestionCoverageWeight * MessageLength.LongShare(_options, query.Concepts.Count);
        var blend = _confidence.RankShare(query.Concepts.Count);
        var ranked = new List<(RankedHit Hit, double Key)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var entry = candidate.Entry;
            var terms = _vocabulary.TermsOf(entry);
            var match = Match(query, entry, terms, askedWeight);
            var score = match.Penalty * ((_options.Bm25Weight * candidate.Score / maxBm25) + (_options.QuestionSimilarityWeight * match.QuestionSimilarity)
                + (_options.CoverageWeight * match.Coverage) + (askedWeight * match.StoredQuestionCoverage) + (_options.FocusWeight * match.FocusStrength)
                + (_options.QuestionTypeWeight * (match.TypeAgrees ? 1.0 : 0.0) * (match.FocusStrength > 0 ? 1 : _options.UnnamedFocusTypeShare))
                + (match.TopicFocus ? _options.TopicFocusWeight : 0)
                + (_options.SemanticSimilarityWeight * (match.Dense ?? 0)));
            var fitted = _confidence.Fitted(match);
            var confidence = _confidence.Confidence(match, fitted);
            var hit = new SearchHit(entry, score, candidate.Score, match.QuestionSimilarity, match.Coverage, match.Evidence, confidence, match.Dense);
            ranked.Add((new RankedHit(hit, terms), ((1 - blend) * score) + (blend * fitted)));
        }

        ranked.Sort((a, b) => b.Key.CompareTo(a.Key));
        return [.. ranked.Select(r => r.Hit)];
    }

    /// <summary>How well <paramref name="entry"/> matches <paramref name="query"/>.</summary>
    private MatchFeatures Match(AnalysedQuery query, KbEntry entry, EntryTerms terms, double askedWeight)
    {
        var similarity = terms.Questions.Max(q => Cosine(query.Asked, q));
        var contained = askedWeight > 0 ? terms.Questions.Max(q => StoredQuestionCoverage(query.AskedTerms, q)) : 0;
        var (coverage, evidence) = Coverage(query.Concepts, terms.All);
        var focus = query.FocusStrength(entry);
        var penalty = Penalty(entry) * (focus == 0 && NamesPartly(query.MessageTerms, terms.FocusNames) ? _options.PartlyNamedFocusWeight : 1.0);
        var topic = entry.Focus is not null && query.TopicFocuses.Contains(entry.Focus);
        double? dense = query.Dense is { } vector ? Math.Max(0, vector[_index.DocOf(entry.Id)]) : null;
        return new MatchFeatures(similarity, contained, coverage, evidence, focus, penalty, query.Wants(entry), topic, dense);
    }

    /// <summary>Junk is kept out of the top; question-only and cut-off answers may be worth a little less.</summary>
    private double Penalty(KbEntry entry) =>
        entry.IsJunk ? _options.JunkWeight
        : entry.Has(EntryIssue.AnswerRemoved) ? _options.QuestionOnlyWeight
        : entry.Has(EntryIssue.Truncated) ? _options.TruncatedWeight
        : 1.0;

    private static double Cosine(IReadOnlyList<WeightedConcept> concepts, TextTerms text)
    {
        if (text.Terms.Count == 0)
        {
            return 0;
        }

        double dot = 0, queryNorm = 0;

        // Words no entry uses cannot match any question; they lower coverage and evidence, not similarity.
        foreach (var c in concepts.Where(c => !c.Unknown))
        {
            queryNorm += c.Weight * c.Weight;
            dot += c.Weight * c.Weight * c.MatchStrength(text.Terms);
        }

        return queryNorm == 0 ? 0 : Math.Min(1.0, dot / (Math.Sqrt(queryNorm) * text.Norm));
    }

    /// <summary>
    /// Share of a stored question's (idf-weighted) words that the query asks about: high when a long message contains
    /// the stored question, whatever else it says. The reverse of coverage, and a cheap stand-in for entailment.
    /// </summary>
    private double StoredQuestionCoverage(IReadOnlyDictionary<string, double> queryTerms, TextTerms text)
    {
        double matched = 0, total = 0;
        foreach (var term in text.Terms)
        {
            var idf = _vocabulary.Idf(term);
            total += idf;
            matched += idf * queryTerms.GetValueOrDefault(term);
        }

        return total == 0 ? 0 : matched / total;
    }

    /// <summary>
    /// Share of the query's weight the entry matches (relative), and the matched idf weight itself scaled to 0..1
    /// (absolute): a long rambling question can match little of itself yet still match a lot of evidence.
    /// </summary>
    private (double Coverage, double Evidence) Coverage(IReadOnlyList<WeightedConcept> concepts, HashSet<string> terms)
    {
        double covered = 0, total = 0;
        foreach (var c in concepts)
        {
            total += c.Weight;
            covered += c.Weight * c.MatchStrength(terms);
        }

        return (total == 0 ? 0 : covered / total, Math.Min(1.0, covered / (_options.EvidenceWords * _vocabulary.MaxIdf)));
    }

    /// <summary>
    /// True when the message uses some words of the entry's focus name but less than
    /// <see cref="SearchOptions.PartlyNamedShare"/> of any of its names (by idf):
    /// "ear wax" is not "Wax poisoning", "find info" (typed "fine") is not "Fine motor control". An entry about
    /// something the message does not name at all is left alone: it may be the answer under another name.
    /// </summary>
    private bool NamesPartly(IReadOnlyDictionary<string, double> messageTerms, HashSet<string>[] focusNames)
    {
        var best = 0.0;
        foreach (var name in focusNames)
        {
            double named = 0, total = 0;
            foreach (var term in name)
            {
                var idf = _vocabulary.Idf(term);
                total += idf;
                named += idf * messageTerms.GetValueOrDefault(term);
            }

            best = Math.Max(best, named / total);
        }

        return best > 0 && best < _options.PartlyNamedShare;
    }
}
