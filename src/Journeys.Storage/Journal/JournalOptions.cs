namespace Journeys.Storage.Journal;

/// <summary>Settings section <c>Journal</c>.</summary>
public sealed class JournalOptions
{
    /// <summary>Number of partitions, each read by one reader; changing it needs an empty journal.</summary>
    public int Partitions { get; init; } = 8;
    /// <summary>Most events one group commit writes.</summary>
    public int MaxBatchSize { get; init; } = 5000;
    /// <summary>An append slower than this tells the partition readers that acknowledgements are suffering (gateway).</summary>
    public TimeSpan AcknowledgementTarget { get; init; } = TimeSpan.FromMilliseconds(50);
    /// <summary>
    /// How far behind a partition reader may fall while it gives way to slow acknowledgements (silo); zero: it never does.
    /// Past it, applying runs at full speed again: a sustained overload must not stall journeys.
    /// </summary>
    public TimeSpan YieldToIngestionUpTo { get; init; } = TimeSpan.FromSeconds(30);
}
