namespace Journeys.Engine.Journeys;

public enum InstanceStatus
{
    Active,

    /// <summary>Reached an exit node.</summary>
    Completed,

    /// <summary>Left early: goal reached, loop limit, missing data.</summary>
    Exited,
}
