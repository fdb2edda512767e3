namespace Journeys.Storage.GrainState;

/// <param name="ExpectedVersion">The version the writer read; null when it read no row.</param>
public sealed record GrainStateWrite(GrainStateKey Key, int? ExpectedVersion, byte[] Payload);
