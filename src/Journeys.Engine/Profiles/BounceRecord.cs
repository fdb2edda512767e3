namespace Journeys.Engine.Profiles;

/// <summary>The latest hard bounce of a channel: which address refused, why, and when.</summary>
public sealed record BounceRecord(string Address, string? Reason, DateTimeOffset At);
