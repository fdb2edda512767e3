namespace Journeys.Engine.Journeys;

/// <summary>A node that does one thing and carries on to <see cref="Next"/>.</summary>
public abstract record ActionNode : JourneyNode
{
    public required string Next { get; init; }

    public override IEnumerable<NodeExit> Exits() => [new(nameof(Next).ToLowerInvariant(), Next)];
}
