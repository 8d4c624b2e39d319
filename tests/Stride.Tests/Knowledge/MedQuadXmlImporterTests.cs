using Stride.Knowledge;
using Stride.Knowledge.Importers;

namespace Stride.Tests.Knowledge;

public sealed class MedQuadXmlImporterTests
{
    // Importing all of MedQuAD takes a second or two; the whole-collection tests share one import.
    private static readonly Lazy<KnowledgeBaseLoad> Collection = new(() => KbFileLoader.Load([TestPaths.Shared("medquad")]));

    private static ImportResult ImportFile(string relative)
    {
        var path = TestPaths.Shared(relative);
        using var reader = File.OpenText(path);
        return new MedQuadXmlImporter().Import(reader, path);
    }

    [Fact]
    public void Each_pair_becomes_an_entry_with_the_judged_answer_id_scheme()
    {
        var result = ImportFile("medquad/3_GHR_QA/0000001.xml");
        Assert.False(result.HasErrors);
        var first = result.Entries[0];
        Assert.Equal("GHR_0000001_Sec1", first.Id);
        Assert.Equal("Aarskog-Scott syndrome", first.Focus);
        Assert.Equal("information", first.QuestionType);
        Assert.Contains("Aarskog syndrome", first.FocusSynonyms);
        Assert.StartsWith("https://ghr.nlm.nih.gov/", first.Sources[0].Url, StringComparison.Ordinal);
        Assert.NotEmpty(first.Answer);
        Assert.Empty(first.Flags);
    }

    [Fact]
    public void Pairs_whose_answer_was_removed_are_kept_as_question_only_entries()
    {
        var result = ImportFile("medquad/11_MPlusDrugs_QA/" + Path.GetFileName(Directory.GetFiles(TestPaths.Shared("medquad/11_MPlusDrugs_QA")).Order(StringComparer.Ordinal).First()));
        Assert.NotEmpty(result.Entries);
        Assert.All(result.Entries, e =>
        {
            Assert.Empty(e.Answer);
            Assert.True(e.Has(EntryIssue.AnswerRemoved));
            Assert.StartsWith("MPlusDrugs_", e.Id, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Malformed_xml_is_reported_with_its_line()
    {
        var xml = "<?xml version=\"1.0\"?>\n<Document id=\"1\" source=\"X\">\n<QAPairs>\n<QAPair\tpid=\"1\"><Question>What?</Question>\n</Document>";
        var result = new MedQuadXmlImporter().Import(new StringReader(xml), "broken.xml");
        Assert.True(result.HasErrors);
        Assert.Equal(5, result.Diagnostics[0].Line);
        Assert.StartsWith("broken.xml:5: error:", result.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_in_front_of_a_synonym_is_not_part_of_the_name()
    {
        var xml = "<Document id=\"7\" source=\"X\"><Focus>Granulomatosis with polyangiitis</Focus><FocusAnnotations><Synonyms>"
            + "<Synonym>Formerly: Wegener's granulomatosis</Synonym><Synonym>GPA</Synonym></Synonyms></FocusAnnotations>"
            + "<QAPairs><QAPair\tpid=\"1\"><Question qtype=\"causes\">What causes it?</Question><Answer>Unknown.</Answer></QAPair></QAPairs></Document>";

        var result = new MedQuadXmlImporter().Import(new StringReader(xml), "labels.xml");

        Assert.False(result.HasErrors);
        Assert.Equal(["Wegener's granulomatosis", "GPA"], result.Entries[0].FocusSynonyms);
    }

    [Fact]
    public void A_document_without_id_or_source_is_an_error()
    {
        var result = new MedQuadXmlImporter().Import(new StringReader("<Document><QAPairs/></Document>"), "bad.xml");
        Assert.True(result.HasErrors);
        Assert.Contains("'id' and 'source'", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_collection_imports_and_covers_every_judged_answer_id()
    {
        var load = Collection.Value;
        Assert.NotNull(load.KnowledgeBase);
        Assert.Equal(47457, load.KnowledgeBase!.Entries.Length);

        // The judgments are read here only to check the id scheme; no ranker ever reads them.
        var judged = File.ReadLines(TestPaths.Shared("medquad/judged/All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt"))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 3)
            .Select(p => p[2].Replace(".txt", string.Empty, StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var missing = judged.Where(id => load.KnowledgeBase.Find(id) is null).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {judged.Count} judged ids have no pair in the XML, e.g. {string.Join(", ", missing.Take(5))}");
    }

    [Fact]
    public void Every_judged_answer_id_names_the_pair_the_assessors_read()
    {
        // Each row of the judged-answers CSV shows the question the assessors read for that AnswerID. Ids built from
        // the 'pid' attribute instead of the pair's place pointed 222 judged rows (188 distinct ids) at a neighbouring section (a drug's
        // storage grade landed on its overdose section); this pins the id scheme to what was judged. The CSV is read
        // here and in reports only, never by a ranker.
        var kb = Collection.Value.KnowledgeBase!;
        // The judged folder holds one CSV: the AnswerIDs with the texts the assessors were shown.
        using var reader = File.OpenText(Directory.GetFiles(TestPaths.Shared("medquad/judged"), "*.csv").Single());
        var records = new DelimitedRecordReader(reader, ',');
        Assert.True(records.TryRead(out _, out _, out _)); // header

        int rows = 0, absent = 0;
        var wrong = new List<string>();
        while (records.TryRead(out var fields, out _, out _))
        {
            rows++;
            var id = fields[0].Replace(".txt", string.Empty, StringComparison.Ordinal);
            var entry = kb.Find(id);
            if (entry is null)
            {
                absent++;
                continue;
            }

            var shown = fields[1].Split('\n')[0];
            if (!SameQuestion(shown, entry.Question))
            {
                wrong.Add($"{id}: judged \"{shown}\", imported \"{entry.Question}\"");
            }
        }

        Assert.Equal(2479, rows);
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Take(10)));
        Assert.Equal(0, absent);
    }

    /// <summary>"Question: What causes X ? (Also called: Y)" in the CSV against the XML's "What causes X ?".</summary>
    private static bool SameQuestion(string shown, string imported)
    {
        static string Words(string text)
        {
            var t = text.StartsWith("Question:", StringComparison.Ordinal) ? text["Question:".Length..] : text;
            var also = t.IndexOf("(Also called:", StringComparison.Ordinal);
            t = also >= 0 ? t[..also] : t;
            return string.Join(' ', t.ToUpperInvariant().Split([' ', '?', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }

        return Words(shown) == Words(imported);
    }
}
