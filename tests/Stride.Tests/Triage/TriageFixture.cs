using Stride.Triage;

namespace Stride.Tests.Triage;

/// <summary>The rules of kb/triage-rules.yaml, loaded once.</summary>
public sealed class TriageFixture
{
    public TriageFixture()
    {
        var path = Path.Combine(TestPaths.KbFolder, "triage-rules.yaml");
        using var reader = File.OpenText(path);
        var (rules, errors) = TriageRuleSet.Read(reader, path);
        Assert.True(rules is not null, string.Join('\n', errors));
        Engine = new TriageEngine(rules!);
    }

    public TriageEngine Engine { get; }
}
