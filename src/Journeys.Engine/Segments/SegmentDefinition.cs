using Journeys.Engine.Conditions;

namespace Journeys.Engine.Segments;

/// <summary>A named, real-time segment: the profiles whose traits and computed properties meet the condition.</summary>
public sealed record SegmentDefinition(string Name, Condition Condition);
