namespace Journeys.Engine.Running;

public enum JourneyRunStatus
{
    Active,

    /// <summary>No entries and no steps; instances wait where they are until resumed.</summary>
    Paused,

    /// <summary>No entries; live instances exit at their next step.</summary>
    Archived,
}
