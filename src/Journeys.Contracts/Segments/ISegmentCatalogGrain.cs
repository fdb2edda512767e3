using System.Collections.Immutable;

namespace Journeys.Contracts.Segments;

/// <summary>The one list of real-time segment definitions (key 0); profiles evaluate them on every change.</summary>
[Alias("journeys.segment-catalog")]
public interface ISegmentCatalogGrain : IGrainWithIntegerKey
{
    [Alias("list")]
    Task<ImmutableArray<SegmentDefinitionDto>> ListAsync();

    [Alias("put")]
    Task<SegmentDefinitionDto> PutAsync(string name, string conditionJson);

    [Alias("delete")]
    Task<bool> DeleteAsync(string name);
}
