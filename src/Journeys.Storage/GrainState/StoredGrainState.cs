namespace Journeys.Storage.GrainState;

public sealed record StoredGrainState(int Version, byte[] Payload);
