namespace Journeys.Engine.Profiles;

/// <summary>Proof that personal data was removed, kept after the erasure itself.</summary>
public sealed record ErasureRecord(DateTimeOffset At, string Reason);
