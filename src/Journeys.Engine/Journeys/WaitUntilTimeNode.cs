namespace Journeys.Engine.Journeys;

/// <summary>Waits until the next <see cref="Time"/> (on one of <see cref="Weekdays"/>, if given) in the profile's time zone.</summary>
public sealed record WaitUntilTimeNode : ActionNode
{
    public required TimeOnly Time { get; init; }

    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];

    public override bool Waits => true;
}
