using Orleans.Storage;

namespace Journeys.Cluster.Tests;

/// <summary>
/// What Orleans expects of any grain storage provider, run against each of ours: called directly on
/// a silo, one grain per test.
/// </summary>
public abstract class GrainStorageContract
{
    private const string StateName = "counter";

    // A key that parses as neither number nor Guid, so the provider keeps it as text.
    private readonly GrainId _grain = GrainId.Create("test-counter", "grain-" + Guid.NewGuid().ToString("N"));

    protected abstract IGrainStorage Storage();

    [Fact]
    public async Task ReadingStateThatWasNeverWrittenGivesAFreshStateWithoutETag()
    {
        var state = await ReadAsync(Storage(), _grain);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State.Value);
    }

    [Fact]
    public async Task WrittenStateReadsBackWithTheETagOfTheWrite()
    {
        var storage = Storage();
        var written = await ReadAsync(storage, _grain);
        written.State.Value = 42;

        await storage.WriteStateAsync(StateName, _grain, written);

        var read = await ReadAsync(storage, _grain);
        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State.Value);
        Assert.Equal("1", written.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task AWriteWithAStaleETagThrowsInconsistentStateException()
    {
        var storage = Storage();
        await WriteAsync(storage, _grain, 1);
        var first = await ReadAsync(storage, _grain);
        var second = await ReadAsync(storage, _grain);
        first.State.Value = 2;
        await storage.WriteStateAsync(StateName, _grain, first);

        second.State.Value = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, _grain, second));

        Assert.Equal(2, (await ReadAsync(storage, _grain)).State.Value);
    }

    [Fact]
    public async Task OfTwoFirstWritesOfOneGrainOnlyOneSucceeds()
    {
        var storage = Storage();
        var first = await ReadAsync(storage, _grain);
        var second = await ReadAsync(storage, _grain);
        first.State.Value = 1;
        await storage.WriteStateAsync(StateName, _grain, first);

        second.State.Value = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, _grain, second));

        Assert.Equal(1, (await ReadAsync(storage, _grain)).State.Value);
    }

    private static Task<CounterGrainState> ReadAsync(IGrainStorage storage, GrainId grain) => StorageCalls.ReadAsync(storage, StateName, grain);

    private static Task WriteAsync(IGrainStorage storage, GrainId grain, int value) => StorageCalls.WriteAsync(storage, StateName, grain, value);
}
