namespace Journeys.Engine.Journeys;

/// <summary>
/// Waits until the date at <see cref="DateField"/> plus <see cref="Offset"/> (negative = before). A date
/// already past goes on at once; a missing date takes <see cref="MissingNext"/> or ends the instance.
/// </summary>
public sealed record WaitUntilDateNode : ActionNode
{
    public required string DateField { get; init; }

    public TimeSpan Offset { get; init; }

    public string? MissingNext { get; init; }

    public override bool Waits => true;

    public override IEnumerable<NodeExit> Exits() => [.. base.Exits(), new("missingNext", MissingNext, Optional: true)];
}
