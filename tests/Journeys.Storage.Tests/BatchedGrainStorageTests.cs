using Journeys.Grains.Profiles;
using Journeys.Hosting;
using Journeys.Storage.GrainState;
using Journeys.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Journeys.Storage.Tests;

/// <summary>
/// Profile grains go on changing their state while a write of it runs, and Orleans may call the provider after
/// the grain's turn: a write carries the snapshot its grain took when it asked for it.
/// </summary>
public sealed class BatchedGrainStorageTests : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly Serializer serializer;
    private readonly HeldStore store = new();
    private readonly BatchedGrainStorage storage;

    public BatchedGrainStorageTests()
    {
        services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(ProfileDocument).Assembly))
            .BuildServiceProvider();
        serializer = services.GetRequiredService<Serializer>();
        storage = new BatchedGrainStorage(store, serializer, new JournalOptions());
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    [Fact]
    public async Task A_write_carries_the_snapshot_its_grain_took_not_the_state_as_it_is_when_the_provider_runs()
    {
        var document = new ProfileDocument { LastAppliedPosition = 7, StateJson = "{\"eventCount\":7}", DueAt = DateTimeOffset.UnixEpoch };
        document.Snapshot = new StateSnapshot(serializer.SerializeToArray(document), document.DueAt);
        document.LastAppliedPosition = 8;
        document.StateJson = null;
        document.DueAt = null;

        var write = storage.WriteStateAsync("profile", GrainId.Create("customer", "alice"), new GrainState<ProfileDocument>(document));
        store.Answer(version: 1);
        await write;

        var written = serializer.Deserialize<ProfileDocument>(store.Written!.Payload)!;
        Assert.Equal((7L, "{\"eventCount\":7}"), (written.LastAppliedPosition, written.StateJson));
        Assert.Equal(DateTimeOffset.UnixEpoch, store.Written.Due?.At);
    }

    [Fact]
    public async Task State_without_a_snapshot_is_written_as_it_is()
    {
        var grainState = new GrainState<ProfileDocument>(new ProfileDocument { LastAppliedPosition = 3 });

        var write = storage.WriteStateAsync("profile", GrainId.Create("customer", "bob"), grainState);
        store.Answer(version: 4);
        await write;

        Assert.Equal(3L, serializer.Deserialize<ProfileDocument>(store.Written!.Payload)!.LastAppliedPosition);
        Assert.Null(store.Written.Due);
        Assert.Equal("4", grainState.ETag);
    }

    /// <summary>Takes one write and answers it when told, as a group commit does when its statement returns.</summary>
    private sealed class HeldStore : IGrainStateStore
    {
        private readonly TaskCompletionSource<int?> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GrainStateWrite? Written { get; private set; }

        public void Answer(int version) => answer.SetResult(version);

        public Task<int?> WriteAsync(GrainStateWrite write)
        {
            Written = write;
            return answer.Task;
        }

        public Task<StoredGrainState?> ReadAsync(GrainStateKey key) => Task.FromResult<StoredGrainState?>(null);

        public Task<bool> DeleteAsync(GrainStateKey key, int expectedVersion) => Task.FromResult(false);

        public Task<IReadOnlyList<DueGrain>> ReadDueAsync(int partition, DateTimeOffset upTo, DueGrain? after, int limit) =>
            Task.FromResult<IReadOnlyList<DueGrain>>([]);
    }
}
