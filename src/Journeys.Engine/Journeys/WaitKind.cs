namespace Journeys.Engine.Journeys;

public enum WaitKind
{
    Duration,
    TimeOfDay,
    Date,
    Event,

    /// <summary>An action postponed by quiet hours or a frequency cap; it runs again when due.</summary>
    Deferred,
}
