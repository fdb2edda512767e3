namespace Journeys.Grains.Journal;

/// <summary>
/// Wakes every partition reader when a silo starts, so events acknowledged before a crash are
/// applied without waiting for new traffic.
/// </summary>
public sealed class JournalReadersStartupTask(IGrainFactory grains, Storage.Journal.IEventJournal journal) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        for (var partition = 0; partition < journal.Partitions; partition++)
        {
            await grains.GetGrain<IJournalPartitionGrain>(partition).NotifyAsync(acknowledgementsSlow: false);
        }
    }
}
