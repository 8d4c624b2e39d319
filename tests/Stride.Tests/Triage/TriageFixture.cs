using Stride.Triage;

namespace Stride.Tests.Triage;

/// <summary>The rules of kb/triage-rules.yaml and the second readers beside them, loaded once.</summary>
public sealed class TriageFixture
{
    public TriageEngine Engine { get; } = Stride.Tests.Search.Engines.Triage;
}
