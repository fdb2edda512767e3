namespace Journeys.Engine.Journeys;

/// <summary>A/B/n split: weights sum to 100; a profile always lands on the same branch.</summary>
public sealed record SplitNode : JourneyNode
{
    public required IReadOnlyList<SplitBranch> Branches { get; init; }

    public override IEnumerable<NodeExit> Exits() =>
        Branches.Select((branch, i) => new NodeExit($"branches[{i}].next", branch.Next));
}
