using System.Globalization;
using Journeys.Storage.GrainState;
using Journeys.Storage.Journal;
using Orleans.Serialization;
using Orleans.Storage;

namespace Journeys.Hosting;

/// <summary>
/// An Orleans grain storage provider over <see cref="IGrainStateStore"/>: grains keep the usual
/// <c>IPersistentState</c> API and ETag checks, while many grains' writes share one statement.
/// State is stored with Orleans' binary serializer, which is version tolerant for [Id] members.
/// State that can fall due (<see cref="IDueIndexed"/>) takes its due time into the due index in the
/// same write, under the journal partition whose scanner wakes it.
/// </summary>
public sealed class BatchedGrainStorage(IGrainStateStore store, Serializer serializer, JournalOptions journal) : IGrainStorage
{
    /// <summary>A state that was never written reads as a new one, also when an activation reads again after changing its copy.</summary>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (await store.ReadAsync(Key(stateName, grainId)) is { } stored)
        {
            grainState.State = serializer.Deserialize<T>(stored.Payload);
            grainState.ETag = ETag(stored.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ExpectedVersion(grainState.ETag);
        var written = await store.WriteAsync(new GrainStateWrite(Key(stateName, grainId), expected, serializer.SerializeToArray(grainState.State), Due(grainId, grainState.State)));
        if (written is not { } version)
        {
            throw new InconsistentStateException($"State {stateName} of {grainId} was changed by someone else", "unknown", grainState.ETag ?? "none");
        }
        grainState.ETag = ETag(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (ExpectedVersion(grainState.ETag) is { } expected && !await store.DeleteAsync(Key(stateName, grainId), expected))
        {
            throw new InconsistentStateException($"State {stateName} of {grainId} was changed by someone else", "unknown", grainState.ETag!);
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private DueEntry? Due<T>(GrainId grainId, T state) => state is IDueIndexed { DueAt: { } at }
        ? new DueEntry(JournalPartitioner.PartitionOf(grainId.Type.ToString()!, grainId.Key.ToString()!, journal.Partitions), at.ToUniversalTime())
        : null;

    private static GrainStateKey Key(string stateName, GrainId grainId) => new(grainId.ToString(), stateName);

    private static string ETag(int version) => version.ToString(CultureInfo.InvariantCulture);

    private static int? ExpectedVersion(string? etag) => etag is null ? null : int.Parse(etag, CultureInfo.InvariantCulture);
}
