namespace Journeys.Engine.Journeys;

/// <summary>An input replayed at a virtual time.</summary>
public sealed record DryRunInput(DateTimeOffset At, JourneyInput Input);
