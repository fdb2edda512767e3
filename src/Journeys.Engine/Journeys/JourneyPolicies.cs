namespace Journeys.Engine.Journeys;

public sealed record JourneyPolicies
{
    /// <summary>Reaching the goal ends the instance at once, cancelling its waits.</summary>
    public bool ExitOnGoal { get; init; } = true;

    public QuietHours? QuietHours { get; init; }

    /// <summary>Caps count sends of every journey (the caller supplies them), not only this one.</summary>
    public IReadOnlyList<FrequencyCap> FrequencyCaps { get; init; } = [];
}
