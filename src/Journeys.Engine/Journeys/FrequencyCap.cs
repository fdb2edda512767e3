namespace Journeys.Engine.Journeys;

/// <summary>At most <see cref="Max"/> sends on <see cref="Channel"/> per rolling <see cref="Period"/>.</summary>
public sealed record FrequencyCap
{
    public required Channel Channel { get; init; }

    public required int Max { get; init; }

    public required TimeSpan Period { get; init; }

    public CapAction OnExceeded { get; init; } = CapAction.Suppress;
}
