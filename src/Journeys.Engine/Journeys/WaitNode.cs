namespace Journeys.Engine.Journeys;

/// <summary>Waits a fixed duration.</summary>
public sealed record WaitNode : ActionNode
{
    public required TimeSpan Duration { get; init; }

    public override bool Waits => true;
}
