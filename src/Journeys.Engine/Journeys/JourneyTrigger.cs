using System.Text.Json.Serialization;
using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>What starts an instance; <see cref="Next"/> is the first node.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EventTrigger), "event")]
[JsonDerivedType(typeof(SegmentEntryTrigger), "segmentEntry")]
[JsonDerivedType(typeof(DateRelativeTrigger), "dateRelative")]
[JsonDerivedType(typeof(ApiTrigger), "api")]
public abstract record JourneyTrigger
{
    public required string Next { get; init; }
}

/// <summary>An event by name whose condition (over event, traits, computed) holds.</summary>
public sealed record EventTrigger : JourneyTrigger
{
    public required string Event { get; init; }

    public Condition? Condition { get; init; }
}

/// <summary>The profile entered a segment.</summary>
public sealed record SegmentEntryTrigger : JourneyTrigger
{
    public required string Segment { get; init; }
}

/// <summary>A call of the management/ingestion API naming this journey.</summary>
public sealed record ApiTrigger : JourneyTrigger;
