namespace Journeys.Storage.GrainState;

/// <summary>A row of the due index: the grain and when its next step falls due.</summary>
public sealed record DueGrain(string GrainId, DateTimeOffset DueAt);
