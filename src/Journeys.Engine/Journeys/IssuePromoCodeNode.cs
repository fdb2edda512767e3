namespace Journeys.Engine.Journeys;

/// <summary>Issues a code from a promo campaign's pool.</summary>
public sealed record IssuePromoCodeNode : ActionNode
{
    public required string Campaign { get; init; }
}
