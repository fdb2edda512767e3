namespace Journeys.Engine.Profiles;

/// <summary>A line of a profile's recent activity: enough to show and to link to the journal, no payload.</summary>
public sealed record EventSummary(string MessageId, string Name, DateTimeOffset Timestamp);
