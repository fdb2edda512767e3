namespace Journeys.Storage.GrainState;

/// <param name="ExpectedVersion">The version the writer read; null when it read no row.</param>
/// <param name="Due">The state's entry in the due index; null takes it out.</param>
public sealed record GrainStateWrite(GrainStateKey Key, int? ExpectedVersion, byte[] Payload, DueEntry? Due = null);
