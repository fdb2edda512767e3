namespace Journeys.Engine.Journeys;

/// <summary>
/// One immutable version of a journey: a trigger leading into a graph of nodes. Instances remember the
/// version they entered with and finish on it.
/// </summary>
public sealed record JourneyDefinition
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public string? Name { get; init; }

    public required JourneyTrigger Trigger { get; init; }

    public EntryPolicy Entry { get; init; } = new();

    public GoalDefinition? Goal { get; init; }

    public JourneyPolicies Policies { get; init; } = new();

    public required IReadOnlyList<JourneyNode> Nodes { get; init; }

    public JourneyNode? FindNode(string? id) => id is null ? null : Nodes.FirstOrDefault(node => node.Id == id);
}
