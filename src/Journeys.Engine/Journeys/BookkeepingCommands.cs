namespace Journeys.Engine.Journeys;

/// <summary>Counts an entry into a node (a deferred action retried is not a new entry).</summary>
public sealed record NodeEntered : JourneyCommand;

/// <summary>Counts a pass through a node; <see cref="Outcome"/> names the exit taken (e.g. "timeout", "B", "control").</summary>
public sealed record NodeExited : JourneyCommand
{
    public required string Outcome { get; init; }
}

/// <summary>The goal was reached; control-group conversions are counted apart to measure lift.</summary>
public sealed record Converted : JourneyCommand
{
    public required bool ControlGroup { get; init; }

    /// <summary>
    /// The instance went through a holdout node (either way) before converting. Conversions before the
    /// split belong to neither group, so treatment is compared with control only on what came after it.
    /// </summary>
    public bool PassedHoldout { get; init; }

    public required string EventMessageId { get; init; }
}

/// <summary>An action that did not happen and will not: no consent, or over a frequency cap.</summary>
public sealed record Suppressed : JourneyCommand
{
    public required string Reason { get; init; }
}

/// <summary>An action postponed (quiet hours, frequency cap) until <see cref="Until"/>.</summary>
public sealed record Deferred : JourneyCommand
{
    public required string Reason { get; init; }

    public required DateTimeOffset Until { get; init; }
}

/// <summary>The instance ended; <see cref="Reason"/> is "completed", "goal", "loopLimit", ...</summary>
public sealed record InstanceFinished : JourneyCommand
{
    public required string Reason { get; init; }
}
