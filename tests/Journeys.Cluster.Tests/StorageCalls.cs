using Journeys.Cluster.Tests.Grains;
using Orleans.Storage;

namespace Journeys.Cluster.Tests;

/// <summary>A grain storage provider called the way Orleans calls it, with the counter state.</summary>
internal static class StorageCalls
{
    public static async Task<CounterGrainState> ReadAsync(IGrainStorage storage, string stateName, GrainId grain)
    {
        var state = new CounterGrainState();
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    public static async Task WriteAsync(IGrainStorage storage, string stateName, GrainId grain, int value)
    {
        var state = await ReadAsync(storage, stateName, grain);
        state.State.Value = value;
        await storage.WriteStateAsync(stateName, grain, state);
    }
}
