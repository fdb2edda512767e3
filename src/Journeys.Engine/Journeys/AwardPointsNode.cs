namespace Journeys.Engine.Journeys;

/// <summary>Awards loyalty points.</summary>
public sealed record AwardPointsNode : ActionNode
{
    public required int Points { get; init; }

    public string? Reason { get; init; }
}
