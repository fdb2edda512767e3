namespace Journeys.Storage.GrainState;

/// <summary>What a write puts in the due index: the scanner's partition and the due time.</summary>
public sealed record DueEntry(int Partition, DateTimeOffset At);
