namespace Journeys.Cluster.Tests.Grains;

[GrainType("test-counter")]
public sealed class CounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> state,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    async Task<int> ICounterGrain.AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    Task<int> ICounterGrain.GetAsync() => Task.FromResult(state.State.Value);

    Task<string> ICounterGrain.GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
