using System.Text.Json;
using Journeys.Contracts.Segments;
using Journeys.Engine;
using Journeys.Engine.Conditions;
using Journeys.Engine.Segments;

namespace Journeys.Grains.Segments;

/// <summary>The silo's copy of the segment catalogue (<see cref="CatalogueCopy{T}"/>).</summary>
public sealed class SegmentDefinitions(IGrainFactory grains, ILogger<SegmentDefinitions> logger) : IDisposable
{
    private readonly CatalogueCopy<IReadOnlyList<SegmentDefinition>> copy = new(
        async () => [.. (await grains.GetGrain<ISegmentCatalogGrain>(0).ListAsync()).Select(Parse)], logger, "segment catalogue");

    public ValueTask<IReadOnlyList<SegmentDefinition>> GetAsync() => copy.GetAsync();

    public void Dispose() => copy.Dispose();

    public static SegmentDefinition Parse(SegmentDefinitionDto dto) =>
        new(dto.Name, JsonSerializer.Deserialize<Condition>(dto.ConditionJson, EngineJson.Options)
            ?? throw new JsonException($"segment {dto.Name} has no condition"));
}
