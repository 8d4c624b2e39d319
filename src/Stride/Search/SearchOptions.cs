using System.ComponentModel.DataAnnotations;

namespace Stride.Search;

/// <summary>
/// Settings of search and ranking; bind them with <c>IOptions&lt;SearchOptions&gt;</c> in hosts, and register
/// <see cref="SearchOptionsValidator"/> so that bad values fail at start-up (<see cref="Searcher"/> checks them too).
/// </summary>
/// <remarks>
/// The switches that turn a ranking step off (a weight of 0, an empty <see cref="CatchAllTypes"/>, a false flag) give
/// the pipeline without that step; <c>stride eval liveqa --ablation</c> measures each one.
/// </remarks>
public sealed class SearchOptions
{
    /// <summary>How many BM25 candidates the reranker looks at.</summary>
    [Range(1, 10_000)]
    public int CandidateCount { get; set; } = 50;

    /// <summary>
    /// Below this confidence an entry is not a good answer: the page shows only entries above it, and says there is no
    /// good answer when there is none.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NoAnswerThreshold { get; set; } = 0.11;

    /// <summary>Below this confidence an entry is not listed as a related question.</summary>
    [Range(0.0, 1.0)]
    public double RelatedThreshold { get; set; } = 0.05;

    /// <summary>A message asking several questions gets an answer to each of its first this many.</summary>
    [Range(0, 100)]
    public int MaxQuestionsAnswered { get; set; } = 4;

    /// <summary>At most this many related questions, across all topics.</summary>
    [Range(0, 1_000)]
    public int MaxRelated { get; set; } = 8;

    /// <summary>BM25 boost of the stored question.</summary>
    [Range(0f, float.MaxValue)]
    public float QuestionBoost { get; set; } = 4f;

    /// <summary>BM25 boost of the alternate phrasings.</summary>
    [Range(0f, float.MaxValue)]
    public float AlternatesBoost { get; set; } = 3f;

    /// <summary>BM25 boost of the focus (condition or drug) and its synonyms.</summary>
    [Range(0f, float.MaxValue)]
    public float FocusBoost { get; set; } = 2f;

    /// <summary>BM25 boost of the answer text.</summary>
    [Range(0f, float.MaxValue)]
    public float AnswerBoost { get; set; } = 1f;

    /// <summary>How much a synonym counts compared with the word the user typed.</summary>
    [Range(0f, float.MaxValue)]
    public float SynonymWeight { get; set; } = 0.6f;

    /// <summary>
    /// Share of confidence (the fitted model of "this answers the question") in the final order; the rest is the
    /// reranking score. 0 orders by score alone, 1 by confidence alone.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ConfidenceRankWeight { get; set; } = 0.5;

    /// <summary>Weight of normalised BM25 in the reranking score.</summary>
    [Range(0.0, double.MaxValue)]
    public double Bm25Weight { get; set; } = 0.4;

    /// <summary>Weight of question-to-question similarity in the reranking score.</summary>
    [Range(0.0, double.MaxValue)]
    public double QuestionSimilarityWeight { get; set; } = 0.4;

    /// <summary>Weight of query coverage in the reranking score.</summary>
    [Range(0.0, double.MaxValue)]
    public double CoverageWeight { get; set; } = 0.2;

    /// <summary>
    /// Weight of "the message asks what the stored question asks" (share of the stored question's words the message
    /// has), at full strength for messages of 12 or more content words and fading to nothing at 4. Off by default: once
    /// stored questions are compared with a message's question sentences rather than its whole story, 2-fold
    /// cross-validation on LiveQA-Med chose 0 in both folds (an earlier version chose 0.3).
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double QuestionCoverageWeight { get; set; }

    /// <summary>
    /// Multiplier of the score of a question-only entry (its answer was removed, as for MedQuAD's drug pages): such an
    /// entry still points to the right page but shows no answer text. 1.0 (no penalty) was chosen by 2-fold
    /// cross-validation on LiveQA-Med in both folds (docs/benchmarks.md).
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double QuestionOnlyWeight { get; set; } = 1.0;

    /// <summary>
    /// Weight of "the entry is about the condition or drug the question names" in the reranking score. Off by default:
    /// the focus already brings those entries into the candidates, and 2-fold cross-validation on LiveQA-Med chose 0
    /// in both folds (adding it to the rerank lowered avgScore).
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double FocusWeight { get; set; }

    /// <summary>
    /// How much a word counts in the BM25 query and in coverage when only the story around a message's questions uses
    /// it ("I had a car accident two months ago. Am I at risk of HIV?"); 1 treats every word alike. Question-to-question
    /// similarity leaves story words out altogether (unless the questions have no words of their own). Names of
    /// conditions and drugs always count fully. 0.5 was chosen on LiveQA-Med (both folds); its figure is reported with 2-fold
    /// cross-validation (docs/benchmarks.md).
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double ContextWordWeight { get; set; } = 0.5;

    /// <summary>
    /// How much a number counts in the query and in coverage when it is not part of a name the message gives (an age, a
    /// dose, a time: "my father is 65"); names such as "type 2 diabetes" keep their numbers at full weight. 1 treats
    /// numbers like any other word.
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double NumberWeight { get; set; } = 0.3;

    /// <summary>Weight of "the entry's question type (treatment, causes, ...) is what the question asks for".</summary>
    [Range(0.0, double.MaxValue)]
    public double QuestionTypeWeight { get; set; } = 0.2;

    /// <summary>
    /// Share of <see cref="QuestionTypeWeight"/> an entry of the wanted type gets when the message does not name its
    /// condition or drug: the right kind of answer about something else is a weaker match.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UnnamedFocusTypeShare { get; set; } = 0.5;

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
    [Required]
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
    [Range(0.0, double.MaxValue)]
    public double PartlyNamedFocusWeight { get; set; } = 0.5;

    /// <summary>
    /// A message names an entry's focus only in part when it uses some of the words of its names but less than this
    /// share (by idf) of any one of them (see <see cref="PartlyNamedFocusWeight"/>).
    /// </summary>
    [Range(0.0, 1.0)]
    public double PartlyNamedShare { get; set; } = 0.5;

    /// <summary>
    /// Weight of "the entry is about a condition or drug the message's topic line names" (a short opening line such
    /// as an e-mail subject: "Amlodipine", "Ear wax.") in the reranking score.
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double TopicFocusWeight { get; set; } = 0.2;

    /// <summary>
    /// A name of a condition or drug counts fully when its words' idf adds up to at least this share of the highest idf
    /// (a word in one entry); a more common name counts in proportion. "Medicines" or "Invasive" named alone hardly says
    /// what a message is about, even when nothing more specific is named. 0 leaves focus strengths relative only.
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double SpecificNameShare { get; set; } = 0.6;

    /// <summary>
    /// Least confidence of an entry about a condition or drug the message names (times how clearly it names it), so
    /// that a page is shown for it rather than "no good answer". 0 leaves confidence to the fitted model alone.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NamedFocusConfidence { get; set; } = 0.3;

    /// <summary>
    /// Confidence model: logistic over question similarity, coverage and evidence, all in 0..1, so it means the same
    /// for every query. The coefficients were fitted (logistic regression) on whether the top answer was right for
    /// the top five hits of the queries in tests/Stride.Tests/Data/kb-queries.tsv (Stride's own KB) plus off-topic
    /// questions; the seed-page queries were held out. See docs/search.md.
    /// </summary>
    [Range(-1_000.0, 1_000.0)]
    public double ConfidenceSimilarityCoefficient { get; set; } = 4.87;

    /// <summary>Confidence model: coefficient of query coverage.</summary>
    [Range(-1_000.0, 1_000.0)]
    public double ConfidenceCoverageCoefficient { get; set; } = 1.30;

    /// <summary>Confidence model: coefficient of matched evidence.</summary>
    [Range(-1_000.0, 1_000.0)]
    public double ConfidenceEvidenceCoefficient { get; set; } = 7.53;

    /// <summary>
    /// How many of the collection's rarest words a match needs to count as full evidence. Evidence is the matched
    /// idf weight divided by this many times the largest possible idf, so it means the same in a KB of 3 or 47,000 entries.
    /// </summary>
    [Range(double.Epsilon, double.MaxValue)]
    public double EvidenceWords { get; set; } = 3.0;

    /// <summary>Confidence model: intercept.</summary>
    [Range(-1_000.0, 1_000.0)]
    public double ConfidenceIntercept { get; set; } = -7.08;

    /// <summary>
    /// Confidence model with semantic search on: logistic over question similarity, coverage, evidence and the
    /// embedding similarity (cosine) of message and entry. Fitted like the words-only model, with the dense similarity
    /// as a fourth input, by <c>stride eval confidence</c> (docs/benchmarks.md says on which sets).
    /// </summary>
    [Range(-1_000.0, 1_000.0)]
    public double SemanticConfidenceSimilarityCoefficient { get; set; } = 0.58;

    /// <summary>Confidence model with semantic search on: coefficient of query coverage.</summary>
    [Range(-1_000.0, 1_000.0)]
    public double SemanticConfidenceCoverageCoefficient { get; set; } = 0.27;

    /// <summary>Confidence model with semantic search on: coefficient of matched evidence.</summary>
    [Range(-1_000.0, 1_000.0)]
    public double SemanticConfidenceEvidenceCoefficient { get; set; } = 5.41;

    /// <summary>Confidence model with semantic search on: coefficient of the embedding similarity (cosine).</summary>
    [Range(-1_000.0, 1_000.0)]
    public double SemanticConfidenceDenseCoefficient { get; set; } = 9.27;

    /// <summary>Confidence model with semantic search on: intercept.</summary>
    [Range(-1_000.0, 1_000.0)]
    public double SemanticConfidenceIntercept { get; set; } = -8.92;

    /// <summary>Score multiplier of an entry flagged as junk (promotional, off-topic, ...): it stays findable but out of the top.</summary>
    [Range(0.0, 1.0)]
    public double JunkWeight { get; set; } = 0.05;

    /// <summary>Score multiplier of an entry whose answer was cut off: still an answer, worth a little less.</summary>
    [Range(0.0, 1.0)]
    public double TruncatedWeight { get; set; } = 0.9;

    /// <summary>Weight of a word no entry uses, as a share of the highest idf: it still counts against coverage.</summary>
    [Range(0.0, double.MaxValue)]
    public double UnknownWordShare { get; set; } = 0.5;

    /// <summary>
    /// How much a typo correction counts compared with a word as typed, since the guess may be wrong ("exactly" is not
    /// "exact"); a correction that completes a name the message gives counts fully.
    /// </summary>
    [Range(0.0, 1.0)]
    public double GuessedWordWeight { get; set; } = 0.5;

    /// <summary>How strongly an entry matches a word when it has only a synonym of it (1 for the word itself).</summary>
    [Range(0.0, 1.0)]
    public double SynonymMatchStrength { get; set; } = 0.8;

    /// <summary>How strongly an entry matches a mistyped word when it has its correction (1 for a word as typed).</summary>
    [Range(0.0, 1.0)]
    public double CorrectionMatchStrength { get; set; } = 0.9;

    /// <summary>
    /// Messages of at most this many content words are short questions: the confidence model has its full share of
    /// the order and stored-question coverage none (see <see cref="LongMessageWords"/>).
    /// </summary>
    [Range(0, 1_000)]
    public int ShortMessageWords { get; set; } = 4;

    /// <summary>
    /// Messages of this many content words or more are long, rambling ones: stored-question coverage has its full
    /// weight and the confidence model no share of the order; in between, both change linearly. Must exceed
    /// <see cref="ShortMessageWords"/>.
    /// </summary>
    [Range(1, 1_000)]
    public int LongMessageWords { get; set; } = 12;

    /// <summary>At most this many synonyms or corrections of one word go into the BM25 query.</summary>
    [Range(0, 100)]
    public int MaxAlternativesQueried { get; set; } = 6;

    /// <summary>At most this many of the conditions or drugs a message names bring their entries into the candidates.</summary>
    [Range(0, 100)]
    public int MaxFocusesQueried { get; set; } = 5;

    /// <summary>
    /// BM25 boost of "the entry is about a condition or drug the message names", as a multiple of
    /// <see cref="FocusBoost"/> and times how clearly it is named.
    /// </summary>
    [Range(0f, float.MaxValue)]
    public float FocusKeyBoost { get; set; } = 4f;

    /// <summary>
    /// A condition or drug is one the message is mainly about when it is named at least this clearly (0..1, relative to
    /// the most specific name found): "sciatica" in a question about sciatica in pregnancy, not "pain".
    /// </summary>
    [Range(0.0, 1.0)]
    public double MainFocusStrength { get; set; } = 0.5;

    /// <summary>A word used by at most this many entries may be a misspelling of a condition's or drug's name.</summary>
    [Range(0, int.MaxValue)]
    public int RareNameWordEntries { get; set; } = 3;

    /// <summary>
    /// Two hits are the same question answered twice when their questions share at least this share of words (Jaccard),
    /// they are of the same question type, and their answers share <see cref="DuplicateAnswerOverlap"/>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double DuplicateQuestionOverlap { get; set; } = 0.8;

    /// <summary>Share of answer words (Jaccard) two hits with the same question need to count as one.</summary>
    [Range(0.0, 1.0)]
    public double DuplicateAnswerOverlap { get; set; } = 0.6;

    /// <summary>
    /// Two hits whose answers share at least this share of words (Jaccard) are one answer whatever their questions,
    /// when the answer has at least <see cref="SameAnswerMinWords"/> words.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SameAnswerOverlap { get; set; } = 0.85;

    /// <summary>
    /// Semantic search: candidates from sentence embeddings (exact cosine over every entry) fused with BM25's by
    /// reciprocal rank, before the same reranking. Needs entry vectors (<see cref="Semantic.EntryVectors"/>); a searcher
    /// built without them runs the lexical ranking alone, whatever this says. False gives exactly the lexical ranking.
    /// Null (the default) means on for collections of up to <see cref="SemanticLargeCollectionEntries"/> entries and
    /// off for larger ones (see <see cref="SemanticFor"/>).
    /// </summary>
    public bool? Semantic { get; set; }

    /// <summary>
    /// Whether semantic search is on for a collection of <paramref name="entries"/> entries: as <see cref="Semantic"/>
    /// says, or, when it says nothing, on for FAQ-sized collections (Stride's own KB, an imported FAQ page), where it
    /// answered better on every blind held-out set and embeds in seconds, and off for large ones such as MedQuAD, where
    /// embedding takes minutes on first use and LiveQA-Med's judged answers favour the lexical ranking
    /// (docs/benchmarks.md).
    /// </summary>
    public bool SemanticFor(int entries) => Semantic ?? entries <= SemanticLargeCollectionEntries;

    /// <summary>How many of the nearest entries by embedding join the candidates.</summary>
    [Range(1, 10_000)]
    public int SemanticCandidateCount { get; set; } = 20;

    /// <summary>The constant k of reciprocal-rank fusion: an entry at rank r of a list scores 1 / (k + r).</summary>
    [Range(0.0, 10_000.0)]
    public double SemanticFusionK { get; set; } = 60;

    /// <summary>Weight of the dense list in the fusion (BM25's is 1).</summary>
    [Range(0.0, 100.0)]
    public double SemanticFusionWeight { get; set; } = 1.0;

    /// <summary>The default of <see cref="SemanticAnswerWords"/>.</summary>
    public const int DefaultSemanticAnswerWords = 400;

    /// <summary>
    /// How many of the first words of each entry's answer are embedded with its question (0: the question alone), in
    /// collections of up to <see cref="SemanticLargeCollectionEntries"/> entries. Changing it re-embeds every entry whose
    /// text changes. On the tuning halves of the blind paraphrase sets 400 (in effect the whole answer, up to the
    /// model's limit) beat 60 (docs/benchmarks.md).
    /// </summary>
    [Range(0, 100_000)]
    public int SemanticAnswerWords { get; set; } = DefaultSemanticAnswerWords;

    /// <summary>
    /// Collections with more entries than this embed only <see cref="SemanticLargeCollectionAnswerWords"/> words of each
    /// answer: embedding time grows faster than the text, and all of MedQuAD (47k entries) must embed within 10 minutes
    /// on 2 cores (60 words: 6.5 minutes; 120 words took 8.8 minutes for a third of it).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int SemanticLargeCollectionEntries { get; set; } = 5_000;

    /// <summary>Answer words embedded per entry in a large collection (see <see cref="SemanticLargeCollectionEntries"/>).</summary>
    [Range(0, 100_000)]
    public int SemanticLargeCollectionAnswerWords { get; set; } = 60;

    /// <summary>How many answer words are embedded per entry in a collection of <paramref name="entries"/> entries.</summary>
    public int AnswerWordsFor(int entries) => entries > SemanticLargeCollectionEntries ? SemanticLargeCollectionAnswerWords : SemanticAnswerWords;

    /// <summary>
    /// Weight of an entry's best-matching answer sentence in its similarity (see <see cref="Semantic.EntryTextPlan"/>;
    /// 0: no sentence vectors). 0.7 was chosen on the tuning halves of the blind paraphrase sets (docs/benchmarks.md).
    /// </summary>
    [Range(0.0, 100.0)]
    public double SemanticSentenceWeight { get; set; } = 0.7;

    /// <summary>
    /// Weight of an entry's best-matching alternate wording in its similarity (see <see cref="Semantic.EntryTextPlan"/>;
    /// 0: no alternate vectors). Chosen on the tuning halves of the blind paraphrase sets (docs/benchmarks.md).
    /// </summary>
    [Range(0.0, 100.0)]
    public double SemanticAlternateWeight { get; set; } = 1.0;

    /// <summary>
    /// Collections of up to this many entries also embed each answer sentence and alternate (about ten vectors per
    /// entry); larger ones embed one text per entry, since passages would multiply a first embed of minutes.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int SemanticPassageLargestCollection { get; set; } = 1_000;

    /// <summary>What is embedded for each entry of a collection of <paramref name="entries"/> entries.</summary>
    public Semantic.EntryTextPlan TextPlanFor(int entries) => entries > SemanticPassageLargestCollection
        ? new(AnswerWordsFor(entries))
        : new(AnswerWordsFor(entries), SemanticSentenceWeight, SemanticAlternateWeight);

    /// <summary>
    /// Weight of the embedding similarity (cosine, 0..1) in the reranking score when semantic search is on; 0 leaves
    /// it to the fusion. 1.6 was chosen on the tuning halves of the blind paraphrase sets (docs/benchmarks.md).
    /// </summary>
    [Range(0.0, 100.0)]
    public double SemanticSimilarityWeight { get; set; } = 1.6;

    /// <summary>Answers shorter than this many words are too short to call two hits the same by their answers alone.</summary>
    [Range(0, int.MaxValue)]
    public int SameAnswerMinWords { get; set; } = 10;
}
