namespace Journeys.Engine.Journeys;

/// <summary>
/// Where an instance is parked. The node it waits at is the instance's current node, so the definition
/// (fixed by version) holds everything else.
/// </summary>
public sealed record PendingWait(WaitKind Kind, DateTimeOffset DueAt, string? CorrelationValue = null);
