namespace Journeys.Grains.Profiles;

/// <summary>A profile entering or leaving a segment: what segment-entry journeys start from.</summary>
[GenerateSerializer, Immutable, Alias("journeys.segment-transition")]
public sealed record SegmentTransition([property: Id(0)] string Segment, [property: Id(1)] bool Entered, [property: Id(2)] DateTimeOffset At);
