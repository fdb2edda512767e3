using Journeys.Cluster.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Journeys.Cluster.Tests;

/// <summary>The AdoNet grain storage provider (other grain state than profiles).</summary>
public sealed class GrainStorageTests(PostgresClusterFixture fixture) : GrainStorageContract, IClassFixture<PostgresClusterFixture>
{
    private const string StateName = "counter";

    // A key that parses as neither number nor Guid, so the provider keeps it as text.
    private readonly GrainId _grain = GrainId.Create("test-counter", "grain-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ClearedStateReadsAsAbsentButKeepsItsVersionSoAStaleClearFails()
    {
        var storage = Storage();
        await WriteAsync(storage, _grain, 7);
        var stale = await ReadAsync(storage, _grain);
        var current = await ReadAsync(storage, _grain);

        await storage.ClearStateAsync(StateName, _grain, current);

        var read = await ReadAsync(storage, _grain);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State.Value);
        Assert.Equal("2", read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, _grain, stale));
        read.State.Value = 8;
        await storage.WriteStateAsync(StateName, _grain, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task ADeleteOnClearStorageRemovesTheRowAndStartsAgainFromTheFirstVersion()
    {
        var storage = Storage(PostgresTestCluster.DeleteOnClearStorage);
        await WriteAsync(storage, _grain, 7);
        var state = await ReadAsync(storage, _grain);
        Assert.Equal(1, await RowsOfGrainAsync());

        await storage.ClearStateAsync(StateName, _grain, state);

        Assert.Null(state.ETag);
        Assert.Equal(0, await RowsOfGrainAsync());
        await storage.WriteStateAsync(StateName, _grain, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task GrainsWhoseKeysShareNumbersOrTextAreStoredApart()
    {
        var storage = Storage();
        var type = GrainType.Create("test-counter-" + Guid.NewGuid().ToString("N"));
        var guid = Guid.NewGuid();
        GrainId[] grains =
        [
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(7, "a")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(8, "a")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "a")),
            GrainId.Create(type, IdSpan.Create("seven")),
            GrainId.Create(type, IdSpan.Create("a")),
        ];

        for (var i = 0; i < grains.Length; i++)
        {
            await WriteAsync(storage, grains[i], i + 1);
        }

        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(i + 1, (await ReadAsync(storage, grains[i])).State.Value);
        }
    }

    private Task<long> RowsOfGrainAsync() => Sql.CountAsync(fixture.ConnectionString,
        "SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension = @key", ("key", _grain.Key.ToString()!));

    protected override IGrainStorage Storage() => Storage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    private IGrainStorage Storage(string name) =>
        fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(name);

    private static Task<CounterGrainState> ReadAsync(IGrainStorage storage, GrainId grain) => StorageCalls.ReadAsync(storage, StateName, grain);

    private static Task WriteAsync(IGrainStorage storage, GrainId grain, int value) => StorageCalls.WriteAsync(storage, StateName, grain, value);
}
