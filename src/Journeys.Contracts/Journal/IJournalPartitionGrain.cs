namespace Journeys.Contracts.Journal;

/// <summary>
/// Reads one journal partition in order and delivers its events to profile grains; its
/// checkpoint only moves past events whose profiles have saved their state.
/// </summary>
[Alias("journeys.journal-partition")]
public interface IJournalPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// New events were committed to this partition: read them now rather than at the next poll.
    /// <paramref name="acknowledgementsSlow"/>: the commit took longer than its target, so a reader that is behind gives way.
    /// </summary>
    [OneWay, Alias("notify")]
    Task NotifyAsync(bool acknowledgementsSlow);

    /// <summary>Delivers everything committed so far, saves profiles and the checkpoint; returns the checkpoint.</summary>
    [Alias("catch-up")]
    Task<long> CatchUpAsync();

    /// <summary>Wakes this partition's profiles whose next step is due now (a scan it also runs every second); returns how many ran.</summary>
    [Alias("wake-due")]
    Task<int> WakeDueAsync();
}
