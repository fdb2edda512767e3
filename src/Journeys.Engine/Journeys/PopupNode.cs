namespace Journeys.Engine.Journeys;

/// <summary>A popup on the visitor's open page or app; kept pending until the next visit if nobody is connected.</summary>
public sealed record PopupNode : ActionNode
{
    public required MessageTemplate Template { get; init; }

    public TimeSpan? ExpiresAfter { get; init; }
}
