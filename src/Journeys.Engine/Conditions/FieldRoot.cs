namespace Journeys.Engine.Conditions;

/// <summary>Where a field path starts: profile traits, computed properties, the event at hand, or the journey's context.</summary>
public enum FieldRoot
{
    Traits,
    Computed,
    Event,
    Context,
}
