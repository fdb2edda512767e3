namespace Journeys.Engine.Journeys;

/// <summary>Consent to a channel, for one topic or (when <see cref="Topic"/> is null) all topics.</summary>
public sealed record ConsentGrant(Channel Channel, string? Topic = null);
