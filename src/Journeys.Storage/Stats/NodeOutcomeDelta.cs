namespace Journeys.Storage.Stats;

/// <summary>
/// A change to one breakdown counter of a node: <see cref="Counter"/> says what is counted
/// (<see cref="OutcomeCounters"/>), <see cref="Outcome"/> which case (an exit's name, a suppression reason, a group).
/// </summary>
public sealed record NodeOutcomeDelta(string JourneyId, int Version, string NodeId, string Counter, string Outcome, long Count);
