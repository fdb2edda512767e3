namespace Journeys.Engine.Journeys;

public sealed record SplitBranch
{
    public required string Name { get; init; }

    public required double Weight { get; init; }

    public required string Next { get; init; }
}
