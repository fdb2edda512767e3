using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>
/// Waits for <see cref="Event"/> whose <c>properties[CorrelateOn]</c> equals the instance's
/// <c>context[CorrelateOn]</c> (e.g. the same cartId): then <see cref="ActionNode.Next"/>; after
/// <see cref="Timeout"/>, <see cref="TimeoutNext"/>.
/// </summary>
public sealed record WaitForEventNode : ActionNode
{
    public required string Event { get; init; }

    public string? CorrelateOn { get; init; }

    public Condition? Condition { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required string TimeoutNext { get; init; }

    public override bool Waits => true;

    public override IEnumerable<NodeExit> Exits() => [.. base.Exits(), new("timeoutNext", TimeoutNext)];
}
