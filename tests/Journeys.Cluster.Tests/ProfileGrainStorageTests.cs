using Journeys.Grains.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Journeys.Hosting;
using Journeys.Storage.GrainState;
using Journeys.Storage.Journal;
using Orleans.Serialization;
using Orleans.Storage;

namespace Journeys.Cluster.Tests;

/// <summary>The grouped provider that stores profile state.</summary>
public sealed class ProfileGrainStorageTests(PostgresClusterFixture fixture) : GrainStorageContract, IClassFixture<PostgresClusterFixture>
{
    private const string StateName = "profile";

    private readonly string _prefix = "grain-" + Guid.NewGuid().ToString("N");

    private GrainId Grain(int n = 0) => GrainId.Create("test-profile", $"{_prefix}-{n}");

    [Fact]
    public async Task OfTwoConcurrentWritesFromTheSameVersionOnlyOneSucceeds()
    {
        var storage = Storage();
        await StorageCalls.WriteAsync(storage, StateName, Grain(), 1);
        var racers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => StorageCalls.ReadAsync(storage, StateName, Grain())));
        racers[0].State.Value = 10;
        racers[1].State.Value = 20;

        // Issued together they land in one group; the store must still let only one through.
        var outcomes = await Task.WhenAll(racers.Select(async r =>
        {
            try
            {
                await storage.WriteStateAsync(StateName, Grain(), r);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        var winner = racers[Array.IndexOf(outcomes, true)].State.Value;
        Assert.Equal(winner, (await StorageCalls.ReadAsync(storage, StateName, Grain())).State.Value);
    }

    [Fact]
    public async Task ManyGrainsSavedAtOnceShareStatements()
    {
        const int grains = 400;
        var storage = Storage();

        await Task.WhenAll(Enumerable.Range(0, grains).Select(i => StorageCalls.WriteAsync(storage, StateName, Grain(i), i)));

        for (var i = 0; i < grains; i += 37)
        {
            Assert.Equal(i, (await StorageCalls.ReadAsync(storage, StateName, Grain(i))).State.Value);
        }
        // Rows written by one statement carry its transaction id.
        var transactions = await Sql.CountAsync(fixture.ConnectionString,
            "SELECT count(DISTINCT xmin::text) FROM profile_state WHERE grain_id LIKE @prefix", ("prefix", $"test-profile/{_prefix}-%"));
        Assert.Equal(grains, await Sql.CountAsync(fixture.ConnectionString,
            "SELECT count(*) FROM profile_state WHERE grain_id LIKE @prefix", ("prefix", $"test-profile/{_prefix}-%")));
        Assert.True(transactions <= grains / 4, $"{grains} writes took {transactions} transactions");
    }

    [Fact]
    public async Task ClearedStateIsGoneAndAStaleClearFails()
    {
        var storage = Storage();
        await StorageCalls.WriteAsync(storage, StateName, Grain(), 7);
        var stale = await StorageCalls.ReadAsync(storage, StateName, Grain());
        var current = await StorageCalls.ReadAsync(storage, StateName, Grain());
        current.State.Value = 8;
        await storage.WriteStateAsync(StateName, Grain(), current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain(), stale));
        await storage.ClearStateAsync(StateName, Grain(), current);

        var read = await StorageCalls.ReadAsync(storage, StateName, Grain());
        Assert.False(read.RecordExists);
        Assert.Null(current.ETag);
        Assert.Equal(0, read.State.Value);
    }

    [Fact]
    public Task DueTimesAreIndexedInPostgresWithTheStateByPartitionEarliestFirst() =>
        DueIndexChecks.DueTimesAreIndexedWithTheStateByPartitionEarliestFirstAsync(
            Storage(), Services.GetRequiredService<IGrainStateStore>(), Services.GetRequiredService<JournalOptions>().Partitions);

    [Fact]
    public Task TheEmbeddedDefaultsInMemoryStoreKeepsTheSameDueIndex()
    {
        var store = new InMemoryGrainStateStore();
        var journal = new JournalOptions();
        var storage = new BatchedGrainStorage(store, Services.GetRequiredService<Serializer>(), journal);
        return DueIndexChecks.DueTimesAreIndexedWithTheStateByPartitionEarliestFirstAsync(storage, store, journal.Partitions);
    }

    private IServiceProvider Services => fixture.Cluster.GetSiloServiceProvider();

    protected override IGrainStorage Storage() =>
        fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ProfileStorage.Name);
}
