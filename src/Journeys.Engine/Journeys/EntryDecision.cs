namespace Journeys.Engine.Journeys;

/// <summary>Whether a profile enters, why (e.g. "entered", "triggerMismatch", "liveInstance"), and under which correlation value.</summary>
public sealed record EntryDecision(bool Enter, string Reason, string? CorrelationValue = null);
