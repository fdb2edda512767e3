namespace Journeys.Storage.GrainState;

public readonly record struct GrainStateKey(string GrainId, string StateName);
