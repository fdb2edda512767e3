using System.Text.Json;
using Journeys.Contracts.Segments;
using Journeys.Engine;
using Journeys.Engine.Conditions;
using Journeys.Engine.Segments;

namespace Journeys.Grains.Segments;

/// <summary>
/// A per-silo copy of the segment catalogue, refreshed at most every second, so that profile
/// grains do not all call the one catalogue grain on every event.
/// </summary>
public sealed class SegmentDefinitions(IGrainFactory grains, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim refresh = new(1, 1);
    private IReadOnlyList<SegmentDefinition> current = [];
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;

    public async ValueTask<IReadOnlyList<SegmentDefinition>> GetAsync()
    {
        if (clock.GetUtcNow() - loadedAt < MaxAge)
        {
            return current;
        }
        await refresh.WaitAsync();
        try
        {
            if (clock.GetUtcNow() - loadedAt >= MaxAge)
            {
                var stored = await grains.GetGrain<ISegmentCatalogGrain>(0).ListAsync();
                current = stored.Select(Parse).ToList();
                loadedAt = clock.GetUtcNow();
            }
            return current;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    public static SegmentDefinition Parse(SegmentDefinitionDto dto) =>
        new(dto.Name, JsonSerializer.Deserialize<Condition>(dto.ConditionJson, EngineJson.Options)
            ?? throw new JsonException($"segment {dto.Name} has no condition"));
}
