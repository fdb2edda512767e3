namespace Journeys.Engine.Journeys;

public enum EntryMode
{
    /// <summary>A profile enters at most once, ever.</summary>
    Once,

    /// <summary>At most once within <see cref="EntryPolicy.Period"/>.</summary>
    OncePerPeriod,

    /// <summary>Whenever the trigger fires (still one live instance per correlation key).</summary>
    Always,
}
