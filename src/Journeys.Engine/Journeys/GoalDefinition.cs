using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>The conversion: an event matching a condition within <see cref="Window"/> of entry.</summary>
public sealed record GoalDefinition
{
    public required string Event { get; init; }

    public Condition? Condition { get; init; }

    public required TimeSpan Window { get; init; }
}
