namespace Journeys.Engine.Journeys;

/// <summary>Ends the instance.</summary>
public sealed record ExitNode : JourneyNode
{
    public string? Reason { get; init; }

    public override IEnumerable<NodeExit> Exits() => [];
}
