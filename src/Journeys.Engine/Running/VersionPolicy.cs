namespace Journeys.Engine.Running;

/// <summary>What publishing a version decided for instances on older versions; migrate maps old node ids to new ones.</summary>
public sealed record VersionPolicy(InFlightPolicy InFlight, IReadOnlyDictionary<string, string>? NodeMapping = null);

public enum InFlightPolicy
{
    Keep,
    Migrate,
    Exit,
}
