namespace Journeys.Contracts.Segments;

/// <summary>A segment as stored: its condition stays JSON (the engine's condition tree) on the wire.</summary>
[GenerateSerializer, Immutable, Alias("journeys.segment-definition")]
public sealed record SegmentDefinitionDto(
    [property: Id(0)] string Name,
    [property: Id(1)] string ConditionJson,
    [property: Id(2)] int Version,
    [property: Id(3)] DateTimeOffset UpdatedAt);
