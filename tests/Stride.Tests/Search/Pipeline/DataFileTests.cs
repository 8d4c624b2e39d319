using Stride.Resources;
using Stride.Search;

namespace Stride.Tests.Search.Pipeline;

/// <summary>The cue and word-list files under src/Stride/Resources: versioned, explained, and read as they were written.</summary>
public sealed class DataFileTests
{
    public static TheoryData<string> Files() => [.. ResourceText.FileNames()];

    [Fact]
    public void Every_data_file_is_embedded()
    {
        Assert.Equal(
            ["cause-cues.v1.txt", "medquad-sections.v1.txt", "message-cues.v1.txt", "mixed-case-words.v1.txt", "promotional-cues.v1.txt", "question-types.v1.txt", "stop-words.v1.txt", "text-shorthand.v1.txt"],
            ResourceText.FileNames().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Data_file_is_versioned_and_opens_with_where_it_came_from_and_what_it_is_for(string file)
    {
        Assert.Matches(@"\.v\d+\.txt$", file);
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "Stride", "Resources", file));

        Assert.StartsWith("# ", text, StringComparison.Ordinal);
        var header = string.Join('\n', text.Split('\n').TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("Where from:", header, StringComparison.Ordinal);
        Assert.Contains("What for:", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_words_are_a_fixed_set_compared_ignoring_case()
    {
        IReadOnlySet<string> stopWords = TextAnalysis.StopWords;

        Assert.Contains("why", stopWords);
        Assert.Contains("WHY", stopWords);
        Assert.Contains("i'm", stopWords);
        Assert.DoesNotContain("back", stopWords);
        Assert.Equal(111, TextAnalysis.StopWords.Count);
        Assert.Empty(new TextAnalysis().Terms("Why does my ... it"));
    }

    [Fact]
    public void Continued_pattern_lines_join_without_a_separator()
    {
        var request = ResourceText.Value(ResourceText.Pairs("message-cues.v1.txt"), "request", "message-cues.v1.txt");

        Assert.StartsWith(@"\b(i (want|would like|need|wish) to (know|learn|find out|understand)|i'?m (wondering|trying to find)|i was wondering|", request, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", request, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", request, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_labels_with_a_role_are_medquad_s()
    {
        Assert.Equal("causes", MedQuadSections.Causes);
        Assert.Equal("information", MedQuadSections.Information);
        Assert.Equal(["other information", "brand names"], MedQuadSections.CatchAll);
        Assert.Equal(MedQuadSections.CatchAll, new SearchOptions().CatchAllTypes);
    }

    [Fact]
    public void One_cue_line_can_signal_several_question_types()
    {
        Assert.Equal(["interactions with medications", "precautions"], QuestionTypeClassifier.Classify("can I take these two together"));
        Assert.Equal(["usage", "dosage", "dose"], QuestionTypeClassifier.Classify("how much should I take"));
    }
}
