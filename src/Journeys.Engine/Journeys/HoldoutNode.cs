namespace Journeys.Engine.Journeys;

/// <summary>
/// Sends <see cref="Percent"/>% of profiles (deterministically) to the control group. Control instances
/// take <see cref="ControlNext"/> (or end) but still count goal conversions, so lift can be measured.
/// </summary>
public sealed record HoldoutNode : ActionNode
{
    public required double Percent { get; init; }

    public string? ControlNext { get; init; }

    public override IEnumerable<NodeExit> Exits() => [.. base.Exits(), new("controlNext", ControlNext, Optional: true)];
}
