namespace Journeys.Engine.Journeys;

/// <summary>
/// Fires <see cref="OffsetDays"/> days from a date (negative = before): either a date trait, or the
/// anniversary of a past event. <see cref="At"/> is the local time of day in the profile's time zone.
/// </summary>
public sealed record DateRelativeTrigger : JourneyTrigger
{
    /// <summary>A field path to a date, e.g. <c>traits.passExpiresAt</c>.</summary>
    public string? DateField { get; init; }

    public AnniversaryOf? AnniversaryOf { get; init; }

    public int OffsetDays { get; init; }

    public TimeOnly At { get; init; } = new(10, 0);
}
