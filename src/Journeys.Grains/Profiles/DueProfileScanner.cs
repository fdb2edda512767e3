using Journeys.Contracts.Profiles;
using Journeys.Storage.GrainState;

namespace Journeys.Grains.Profiles;

/// <summary>
/// Wakes the waiting profiles of one journal partition whose next step is due, from the due index
/// saved with their state: the number of Orleans reminders no longer grows with waiting profiles,
/// and a profile whose silo died is woken by whichever silo holds its partition's reader.
/// </summary>
public sealed class DueProfileScanner(IGrainStateStore store, IGrainFactory grains, ProfileGrainServices services, ILogger<DueProfileScanner> logger)
{
    private const int PageSize = 1000;

    /// <summary>
    /// Wakes every profile of <paramref name="partition"/> due by now, a page at a time; returns how many
    /// ran. One that fails keeps its due row and is tried again by the next scan: no due step is lost.
    /// </summary>
    public async Task<int> WakeDueAsync(int partition)
    {
        var upTo = services.Clock.GetUtcNow();
        DueGrain? after = null;
        var woken = 0;
        while (true)
        {
            var page = await store.ReadDueAsync(partition, upTo, after, PageSize);
            var results = await Task.WhenAll(page.Select(WakeAsync));
            woken += results.Count(ran => ran);
            if (page.Count < PageSize)
            {
                return woken;
            }
            after = page[^1];
        }
    }

    private async Task<bool> WakeAsync(DueGrain due)
    {
        try
        {
            await grains.GetGrain<IProfileGrain>(GrainId.Parse(due.GrainId)).RunDueAsync();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Profile {GrainId} due at {DueAt} was not woken; the next scan tries again", due.GrainId, due.DueAt);
            return false;
        }
    }
}
