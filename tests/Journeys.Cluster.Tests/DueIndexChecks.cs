using Journeys.Grains.Profiles;
using Journeys.Storage.GrainState;
using Journeys.Storage.Journal;
using Orleans.Storage;

namespace Journeys.Cluster.Tests;

/// <summary>What a profile state store's due index must do, checked through the storage provider that writes it.</summary>
internal static class DueIndexChecks
{
    private static readonly DateTimeOffset Base = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task DueTimesAreIndexedWithTheStateByPartitionEarliestFirstAsync(IGrainStorage storage, IGrainStateStore store, int partitions)
    {
        var prefix = "due-" + Guid.NewGuid().ToString("N");
        var due = new Dictionary<string, DateTimeOffset?>
        {
            [$"{prefix}-a"] = Base.AddMinutes(2),
            // Another zone than UTC: the index compares instants.
            [$"{prefix}-b"] = new DateTimeOffset(2001, 1, 1, 3, 1, 30, TimeSpan.FromHours(3)),
            [$"{prefix}-c"] = Base.AddMinutes(1),
            [$"{prefix}-later"] = Base.AddHours(1),
            [$"{prefix}-none"] = null,
        };
        var states = new Dictionary<string, GrainState<ProfileDocument>>();
        foreach (var (id, at) in due)
        {
            states[id] = new GrainState<ProfileDocument>(new ProfileDocument { DueAt = at });
            await storage.WriteStateAsync("profile", Grain(id), states[id]);
        }

        var found = await ReadAllDueAsync(store, partitions, prefix, Base.AddMinutes(10));
        Assert.Equal([$"{prefix}-c", $"{prefix}-b", $"{prefix}-a"], found.OrderBy(f => f.Due.DueAt).ThenBy(f => f.Due.GrainId, StringComparer.Ordinal).Select(f => f.Id));
        Assert.All(found, f => Assert.Equal(JournalPartitioner.PartitionOf("customer", f.Id, partitions), f.Partition));

        // Run and rescheduled: a state saved with no due time leaves the index.
        states[$"{prefix}-c"].State!.DueAt = null;
        await storage.WriteStateAsync("profile", Grain($"{prefix}-c"), states[$"{prefix}-c"]);
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], (await ReadAllDueAsync(store, partitions, prefix, Base.AddMinutes(10))).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    private static GrainId Grain(string id) => GrainId.Create("customer", id);

    /// <summary>Every partition read a row at a time, so each page starts after the one before.</summary>
    private static async Task<List<(string Id, int Partition, DueGrain Due)>> ReadAllDueAsync(IGrainStateStore store, int partitions, string prefix, DateTimeOffset upTo)
    {
        var found = new List<(string, int, DueGrain)>();
        for (var partition = 0; partition < partitions; partition++)
        {
            DueGrain? after = null;
            while ((await store.ReadDueAsync(partition, upTo, after, limit: 1)) is [var row])
            {
                if (row.GrainId.StartsWith($"customer/{prefix}", StringComparison.Ordinal))
                {
                    found.Add((row.GrainId["customer/".Length..], partition, row));
                }
                after = row;
            }
        }
        return found;
    }
}
