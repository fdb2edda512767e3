using System.Collections.Immutable;
using Journeys.Contracts.Segments;

namespace Journeys.Grains.Segments;

[GrainType("segment-catalog")]
public sealed class SegmentCatalogGrain(
    [PersistentState("segments")] IPersistentState<SegmentCatalogState> stored,
    TimeProvider clock) : Grain, ISegmentCatalogGrain
{
    Task<ImmutableArray<SegmentDefinitionDto>> ISegmentCatalogGrain.ListAsync() =>
        Task.FromResult(stored.State.Segments.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToImmutableArray());

    async Task<SegmentDefinitionDto> ISegmentCatalogGrain.PutAsync(string name, string conditionJson)
    {
        var version = stored.State.Segments.TryGetValue(name, out var existing) ? existing.Version + 1 : 1;
        var definition = new SegmentDefinitionDto(name, conditionJson, version, clock.GetUtcNow());
        stored.State.Segments[name] = definition;
        await stored.WriteStateAsync();
        return definition;
    }

    async Task<bool> ISegmentCatalogGrain.DeleteAsync(string name)
    {
        if (!stored.State.Segments.Remove(name))
        {
            return false;
        }
        await stored.WriteStateAsync();
        return true;
    }
}
