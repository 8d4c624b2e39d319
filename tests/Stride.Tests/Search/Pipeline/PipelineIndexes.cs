using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Pipeline;
using static Stride.Tests.Search.Sections;

namespace Stride.Tests.Search.Pipeline;

/// <summary>
/// The indexes the pipeline tests read, built once: Stride's own KB from kb/ (real consumer wording, no focuses) and a
/// small collection shaped like MedQuAD (pages about conditions and drugs, one section per question type).
/// </summary>
internal static class PipelineIndexes
{
    private static readonly Lazy<SearchIndex> OwnKbIndex = new(() =>
        SearchIndex.Build(Engines.LoadKb(TestPaths.KbFolder), File.ReadAllText(TestPaths.SynonymsFile)));

    private static readonly Lazy<SearchIndex> PagesIndex = new(() =>
        SearchIndex.Build(KnowledgeBase.Create("pages", "1", PageEntries()).KnowledgeBase!, File.ReadAllText(TestPaths.SynonymsFile)));

    /// <summary>Stride's own KB (kb/).</summary>
    public static SearchIndex OwnKb => OwnKbIndex.Value;

    /// <summary>The MedQuAD-shaped collection.</summary>
    public static SearchIndex Pages => PagesIndex.Value;

    public static IEnumerable<KbEntry> PageEntries() =>
    [
        Section("ab-1", "Tooth abscess", "causes", "What causes a tooth abscess?", "Bacteria get into the tooth through decay or a crack, and pus collects at the root."),
        Section("ab-2", "Tooth abscess", "treatment", "What are the treatments for a tooth abscess?", "A dentist drains the pus and may prescribe antibiotics; sometimes the tooth is removed."),
        Section("ha-1", "Heart attack", "causes", "What causes a heart attack?", "A blocked artery stops blood reaching part of the heart muscle."),
        Section("ha-2", "Heart attack", "symptoms", "What are the symptoms of a heart attack?", "Chest pain or pressure, shortness of breath, sweating and feeling sick."),
        Section("rk-1", "Rickets", "information", "What is rickets?", "Soft, weak bones in children, most often from too little vitamin D, calcium or phosphate; some families pass it on."),
        Section("rk-2", "Rickets", "treatment", "What are the treatments for rickets?", "Vitamin D and calcium, and sometimes braces for bowed legs."),
        Section("hr-1", "Hereditary hypophosphatemic rickets", "inheritance", "Is hereditary hypophosphatemic rickets inherited?", "Most often one changed copy of the gene from one parent is enough."),
        Section("pr-1", "Prednisone", "other information", "What other information should I know about prednisone?", "Keep all appointments with your doctor and the laboratory, and keep a written list of all your medicines."),
        Section("pr-2", "Prednisone", "usage", "How should prednisone be used and what is the dosage?", "Take it with food at the same time each day; when stopping, the doctor lowers the dose slowly."),
        Section("am-1", "Amlodipine", "usage", "How should amlodipine be used and what is the dosage?", "Amlodipine is taken once a day, with or without food."),
        Section("pf-1", "Plantar fasciitis", "treatment", "What are the treatments for plantar fasciitis?", "Rest, stretching the calf and the sole, and shoes with good arch support."),
        Section("dvt-1", "Deep vein thrombosis", "information", "What is deep vein thrombosis (DVT)?", "A blood clot in a deep vein, usually in the leg. A DVT can break loose and travel to the lungs."),
        Section("dvt-2", "Deep vein thrombosis", "symptoms", "What are the symptoms of DVT?", "Swelling, pain and warmth in one leg; doctors check a suspected DVT with an ultrasound scan."),
        Section("dvt-3", "Deep vein thrombosis", "prevention", "How can it be prevented?", "Move your legs on long journeys and drink plenty of water."),
    ];

    /// <summary>The entry with <paramref name="id"/> of <paramref name="index"/>.</summary>
    public static KbEntry Entry(this SearchIndex index, string id) => index.KnowledgeBase.Entries.Single(e => e.Id == id);

    /// <summary>Hits in the given order, as the reranker hands them to the ranking rules.</summary>
    public static List<RankedHit> Hits(SearchIndex index, params string[] ids) =>
        [.. ids.Select(id => index.Entry(id)).Select(e => new RankedHit(new SearchHit(e, 0, 0, 0, 0, 0, 0), index.Vocabulary.TermsOf(e)))];

    /// <summary>A query that wants <paramref name="types"/> and names <paramref name="effects"/> as effects, nothing else.</summary>
    public static AnalysedQuery Wanting(IReadOnlyList<string> types, params string[] effects) =>
        new([], [], new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, double>(),
            new HashSet<string>(), types, new HashSet<string>(effects, StringComparer.Ordinal));

    public static QueryAnalyzer Analyzer(SearchIndex index, SearchOptions? options = null) => new(index, options ?? new SearchOptions());

    public static Searcher Searcher(SearchIndex index, SearchOptions? options = null) => new(index, Options.Create(options ?? new SearchOptions()));

    public static List<string> Ids(this IEnumerable<RankedHit> hits) => [.. hits.Select(h => h.Hit.Entry.Id)];
}
