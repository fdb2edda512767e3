using Journeys.Contracts.Segments;

namespace Journeys.Grains.Segments;

[GenerateSerializer, Alias("journeys.segment-catalog-state")]
public sealed class SegmentCatalogState
{
    [Id(0)] public Dictionary<string, SegmentDefinitionDto> Segments { get; set; } = [];
}
