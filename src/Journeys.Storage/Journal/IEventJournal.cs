namespace Journeys.Storage.Journal;

/// <summary>
/// The durable, ordered log every accepted event goes through before it reaches a profile.
/// PostgreSQL in production; in memory for the embedded default.
/// </summary>
public interface IEventJournal
{
    int Partitions { get; }

    /// <summary>Completes once the events are committed; resent message ids are not stored twice.</summary>
    Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Committed events of a partition after <paramref name="afterPosition"/>, in position order, each with its profile's previous position.</summary>
    Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>One profile's events after <paramref name="afterPosition"/> up to <paramref name="upToPosition"/>, oldest first: what a profile that missed events is given again.</summary>
    Task<IReadOnlyList<JournalRecord>> ReadProfileEventsAsync(string profileKind, string profileId, long afterPosition, long upToPosition, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalRecord>> ReadProfileAsync(string profileKind, string profileId, int limit, CancellationToken cancellationToken = default);

    Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default);

    Task SaveCheckpointAsync(int partition, long position, CancellationToken cancellationToken = default);

    /// <summary>Replaces the payloads of a profile's events with an erasure marker.</summary>
    Task<int> ErasePayloadsAsync(string profileKind, string profileId, CancellationToken cancellationToken = default);
}
