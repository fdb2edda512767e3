using Journeys.Contracts.Journal;
using Journeys.Storage.Journal;

namespace Journeys.Gateway.Ingestion;

/// <summary>
/// Commits validated events to the journal, then wakes the partition readers that received
/// them. The caller acknowledges only after this returns.
/// </summary>
public sealed class EventIngestor(IEventJournal journal, IClusterClient cluster, ILogger<EventIngestor> logger)
{
    public async Task<JournalAppendResult> IngestAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var result = await journal.AppendAsync(entries, cancellationToken);
        foreach (var partition in result.Stored.GroupBy(r => r.Partition))
        {
            // The answer does not wait for delivery: the events are durable, and without a silo the
            // reader's poll or reminder picks them up later.
            _ = NotifyAsync(partition.Key, partition.Max(r => r.Position));
        }
        return result;
    }

    private async Task NotifyAsync(int partition, long committedUpTo)
    {
        try
        {
            await cluster.GetGrain<IJournalPartitionGrain>(partition).NotifyAsync(committedUpTo);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Journal partition {Partition} not notified: {Reason}", partition, ex.Message);
        }
    }
}
