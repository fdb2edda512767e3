using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>Branches on a condition over traits, computed properties, the event and the context.</summary>
public sealed record ConditionNode : JourneyNode
{
    public required Condition Condition { get; init; }

    public required string IfTrue { get; init; }

    public required string IfFalse { get; init; }

    public override IEnumerable<NodeExit> Exits() => [new("ifTrue", IfTrue), new("ifFalse", IfFalse)];
}
