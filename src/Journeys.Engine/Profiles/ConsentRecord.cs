namespace Journeys.Engine.Profiles;

/// <summary>The latest decision for one channel or topic, with where it came from and when.</summary>
public sealed record ConsentRecord(bool Granted, string Source, DateTimeOffset At);
