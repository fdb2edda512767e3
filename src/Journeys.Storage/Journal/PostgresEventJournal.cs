namespace Journeys.Storage.Journal;

public sealed class PostgresEventJournal(JournalWriter writer, JournalReader reader, JournalOptions options) : IEventJournal
{
    public int Partitions => options.Partitions;

    public Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(entries, cancellationToken);

    public Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        reader.ReadPartitionAsync(partition, afterPosition, limit, cancellationToken);

    public Task<IReadOnlyList<JournalRecord>> ReadProfileEventsAsync(string profileKind, string profileId, long afterPosition, long upToPosition, CancellationToken cancellationToken = default) =>
        reader.ReadProfileEventsAsync(profileKind, profileId, afterPosition, upToPosition, cancellationToken);

    public Task<IReadOnlyList<JournalRecord>> ReadProfileAsync(string profileKind, string profileId, int limit, CancellationToken cancellationToken = default) =>
        reader.ReadProfileAsync(profileKind, profileId, limit, cancellationToken);

    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default) =>
        reader.ReadCheckpointAsync(partition, cancellationToken);

    public Task SaveCheckpointAsync(int partition, long position, CancellationToken cancellationToken = default) =>
        reader.SaveCheckpointAsync(partition, position, cancellationToken);

    public Task<int> ErasePayloadsAsync(string profileKind, string profileId, CancellationToken cancellationToken = default) =>
        reader.ErasePayloadsAsync(profileKind, profileId, cancellationToken);
}
