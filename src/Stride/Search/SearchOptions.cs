namespace Stride.Search;

/// <summary>Settings of search and ranking; bind them with <c>IOptions&lt;SearchOptions&gt;</c> in hosts.</summary>
public sealed class SearchOptions
{
    /// <summary>How many BM25 candidates the reranker looks at.</summary>
    public int CandidateCount { get; set; } = 50;

    /// <summary>Below this confidence the page says there is no good answer instead of guessing.</summary>
    public double NoAnswerThreshold { get; set; } = 0.1;

    /// <summary>Below this confidence an entry is neither a further answer (after the first) nor a related question.</summary>
    public double RelatedThreshold { get; set; } = 0.05;

    /// <summary>A message asking several questions gets an answer to each of its first this many.</summary>
    public int MaxQuestionsAnswered { get; set; } = 4;

    /// <summary>At most this many related questions, across all topics.</summary>
    public int MaxRelated { get; set; } = 8;

    /// <summary>BM25 boost of the stored question.</summary>
    public float QuestionBoost { get; set; } = 4f;

    /// <summary>BM25 boost of the alternate phrasings.</summary>
    public float AlternatesBoost { get; set; } = 3f;

    /// <summary>BM25 boost of the focus (condition or drug) and its synonyms.</summary>
    public float FocusBoost { get; set; } = 2f;

    /// <summary>BM25 boost of the answer text.</summary>
    public float AnswerBoost { get; set; } = 1f;

    /// <summary>How much a synonym counts compared with the word the user typed.</summary>
    public float SynonymWeight { get; set; } = 0.6f;

    /// <summary>
    /// Share of confidence (the fitted model of "this answers the question") in the final order; the rest is the
    /// reranking score. 0 orders by score alone, 1 by confidence alone.
    /// </summary>
    public double ConfidenceRankWeight { get; set; } = 0.5;

    /// <summary>Weight of normalised BM25 in the reranking score.</summary>
    public double Bm25Weight { get; set; } = 0.4;

    /// <summary>Weight of question-to-question similarity in the reranking score.</summary>
    public double QuestionSimilarityWeight { get; set; } = 0.4;

    /// <summary>Weight of query coverage in the reranking score.</summary>
    public double CoverageWeight { get; set; } = 0.2;

    /// <summary>
    /// Weight of "the message asks what the stored question asks" (share of the stored question's words the message
    /// has), at full strength for messages of 12 or more content words and fading to nothing at 4. Off by default: once
    /// stored questions are compared with a message's question sentences rather than its whole story, 2-fold
    /// cross-validation on LiveQA-Med chose 0 in both folds (an earlier version chose 0.3).
    /// </summary>
    public double QuestionCoverageWeight { get; set; }

    /// <summary>
    /// Multiplier of the score of a question-only entry (its answer was removed, as for MedQuAD's drug pages): such an
    /// entry still points to the right page but shows no answer text. 1.0 (no penalty) was chosen by 2-fold
    /// cross-validation on LiveQA-Med in both folds (docs/benchmarks.md).
    /// </summary>
    public double QuestionOnlyWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of "the entry is about the condition or drug the question names" in the reranking score. Off by default:
    /// the focus already brings those entries into the candidates, and 2-fold cross-validation on LiveQA-Med chose 0
    /// in both folds (adding it to the rerank lowered avgScore).
    /// </summary>
    public double FocusWeight { get; set; }

    /// <summary>
    /// How much a word counts in the BM25 query and in coverage when only the story around a message's questions uses
    /// it ("I had a car accident two months ago. Am I at risk of HIV?"); 1 treats every word alike. Question-to-question
    /// similarity leaves story words out altogether (unless the questions have no words of their own). Names of
    /// conditions and drugs always count fully. 0.5 was chosen on LiveQA-Med (both folds); its figure is reported with 2-fold
    /// cross-validation (docs/benchmarks.md).
    /// </summary>
    public double ContextWordWeight { get; set; } = 0.5;

    /// <summary>
    /// How much a number counts in the query and in coverage when it is not part of a name the message gives (an age, a
    /// dose, a time: "my father is 65"); names such as "type 2 diabetes" keep their numbers at full weight. 1 treats
    /// numbers like any other word.
    /// </summary>
    public double NumberWeight { get; set; } = 0.3;

    /// <summary>Weight of "the entry's question type (treatment, causes, ...) is what the question asks for".</summary>
    public double QuestionTypeWeight { get; set; } = 0.2;

    /// <summary>
    /// When a message says what causes what ("can a tooth abscess cause a heart attack"), only entries on the causes of
    /// the effect count as the causes it asks for, and the best of them comes first.
    /// </summary>
    public bool CauseNamesEffect { get; set; } = true;

    /// <summary>
    /// Among the entries about one condition or drug, put those of the wanted question type first (in the places the
    /// group already holds), so the type decides which section answers and the score decides which condition.
    /// </summary>
    public bool WantedTypeFirstWithinFocus { get; set; } = true;

    /// <summary>
    /// Question types of catch-all sections (MedQuAD's drug pages: "What other information should I know about X?",
    /// "What are the brand names of X?"): within the entries about one condition or drug they come after the others
    /// unless the message asks for them. Empty turns this off. The default is the catch-all list of
    /// <c>Resources/medquad-sections.v1.txt</c>.
    /// </summary>
    public IReadOnlyList<string> CatchAllTypes { get; set; } = MedQuadSections.CatchAll;

    /// <summary>
    /// When the best answer's condition or drug has no entry of the kind asked for, the best such entry about a narrower
    /// form of it comes first ("is rickets inherited?" gets the inheritance of hereditary hypophosphatemic rickets).
    /// </summary>
    public bool NarrowerFocusForWantedType { get; set; } = true;

    /// <summary>
    /// Score multiplier for an entry whose focus name the message names only in part (some of its words, less than
    /// half by idf): such an entry is usually about something else that shares a word ("Wax poisoning" for ear wax).
    /// </summary>
    public double PartlyNamedFocusWeight { get; set; } = 0.5;

    /// <summary>
    /// Weight of "the entry is about a condition or drug the message's topic line names" (a short opening line such
    /// as an e-mail subject: "Amlodipine", "Ear wax.") in the reranking score.
    /// </summary>
    public double TopicFocusWeight { get; set; } = 0.2;

    /// <summary>
    /// A name of a condition or drug counts fully when its words' idf adds up to at least this share of the highest idf
    /// (a word in one entry); a more common name counts in proportion. "Medicines" or "Invasive" named alone hardly says
    /// what a message is about, even when nothing more specific is named. 0 leaves focus strengths relative only.
    /// </summary>
    public double SpecificNameShare { get; set; } = 0.6;

    /// <summary>
    /// Least confidence of an entry about a condition or drug the message names (times how clearly it names it), so
    /// that a page is shown for it rather than "no good answer". 0 leaves confidence to the fitted model alone.
    /// </summary>
    public double NamedFocusConfidence { get; set; } = 0.3;

    /// <summary>
    /// Confidence model: logistic over question similarity, coverage and evidence, all in 0..1, so it means the same
    /// for every query. The coefficients were fitted (logistic regression) on whether the top answer was right for
    /// the top five hits of the queries in tests/Stride.Tests/Data/kb-queries.tsv (Stride's own KB) plus off-topic
    /// questions; the seed-page queries were held out. See docs/search.md.
    /// </summary>
    public double ConfidenceSimilarityCoefficient { get; set; } = 4.87;

    /// <summary>Confidence model: coefficient of query coverage.</summary>
    public double ConfidenceCoverageCoefficient { get; set; } = 1.30;

    /// <summary>Confidence model: coefficient of matched evidence.</summary>
    public double ConfidenceEvidenceCoefficient { get; set; } = 7.53;

    /// <summary>
    /// How many of the collection's rarest words a match needs to count as full evidence. Evidence is the matched
    /// idf weight divided by this many times the largest possible idf, so it means the same in a KB of 3 or 47,000 entries.
    /// </summary>
    public double EvidenceWords { get; set; } = 3.0;

    /// <summary>Confidence model: intercept.</summary>
    public double ConfidenceIntercept { get; set; } = -7.08;
}
