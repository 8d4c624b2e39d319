using Microsoft.Extensions.Options;
using Stride.Knowledge;
using Stride.Search;
using Stride.Triage;

namespace Stride.Tests.Search;

/// <summary>Builds engines over real knowledge bases once per test class.</summary>
internal static class Engines
{
    public static KnowledgeBase LoadKb(string path)
    {
        var load = KbFileLoader.Load([path]);
        Assert.True(load.KnowledgeBase is not null, string.Join('\n', load.Errors));
        return load.KnowledgeBase!;
    }

    public static AnswerEngine Create(KnowledgeBase kb, SearchOptions? options = null)
    {
        var index = SearchIndex.Build(kb, File.ReadAllText(TestPaths.SynonymsFile));
        var wrapped = Options.Create(options ?? new SearchOptions());
        return new AnswerEngine(new Searcher(index, wrapped), Triage, wrapped);
    }

    /// <summary>Stride's red-flag rules from kb/triage-rules.yaml.</summary>
    public static TriageEngine Triage { get; } = LoadTriage();

    private static TriageEngine LoadTriage()
    {
        // The rules and the second readers beside them, loaded the way every host loads them.
        var loaded = Stride.Hosting.StrideLoader.LoadTriage(Path.Combine(TestPaths.KbFolder, "triage-rules.yaml"));
        Assert.True(loaded.Value is not null, string.Join('\n', loaded.Errors));
        return loaded.Value!;
    }
}

/// <summary>
/// The seed FAQ page imported and indexed, shared by the tests of a class. Built on first use, inside a test, so that
/// without ../shared only the tests that use it are skipped.
/// </summary>
public sealed class SeedEngineFixture
{
    private readonly Lazy<KnowledgeBase> _knowledgeBase = new(() => Engines.LoadKb(TestPaths.SeedPage));
    private readonly Lazy<AnswerEngine> _engine;

    public SeedEngineFixture() => _engine = new(() => Engines.Create(_knowledgeBase.Value));

    public KnowledgeBase KnowledgeBase => _knowledgeBase.Value;

    public AnswerEngine Engine => _engine.Value;
}

/// <summary>Stride's own KB from kb/, indexed once.</summary>
public sealed class OwnKbFixture
{
    public OwnKbFixture()
    {
        KnowledgeBase = Engines.LoadKb(TestPaths.KbFolder);
        Engine = Engines.Create(KnowledgeBase);
    }

    public KnowledgeBase KnowledgeBase { get; }

    public AnswerEngine Engine { get; }
}
