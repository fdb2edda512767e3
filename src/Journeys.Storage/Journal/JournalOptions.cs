namespace Journeys.Storage.Journal;

/// <summary>Settings section <c>Journal</c>.</summary>
public sealed class JournalOptions
{
    /// <summary>Number of partitions, each read by one reader; changing it needs an empty journal.</summary>
    public int Partitions { get; init; } = 8;
    /// <summary>Most events one group commit writes.</summary>
    public int MaxBatchSize { get; init; } = 5000;
}
