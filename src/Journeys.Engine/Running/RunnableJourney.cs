using Journeys.Engine.Journeys;

namespace Journeys.Engine.Running;

/// <summary>
/// A published journey as a profile runs it: its status, the version new entrants get, every
/// version in-flight instances may still be on, and what each publication decided for them.
/// </summary>
public sealed record RunnableJourney(
    string JourneyId,
    JourneyRunStatus Status,
    int CurrentVersion,
    IReadOnlyDictionary<int, JourneyDefinition> Versions,
    IReadOnlyDictionary<int, VersionPolicy> Policies)
{
    public JourneyDefinition Current => Versions[CurrentVersion];
}
