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
        foreach (var partition in result.Stored.Select(r => r.Partition).Distinct())
        {
            try
            {
                await cluster.GetGrain<IJournalPartitionGrain>(partition).NotifyAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Already durable: the reader's poll or reminder picks the events up.
                logger.LogWarning(ex, "Journal partition {Partition} not notified", partition);
            }
        }
        return result;
    }
}
