namespace Journeys.Engine.Journeys;

/// <summary>
/// A template stored elsewhere (<see cref="Id"/>) or inline Liquid. Variables are rooted at
/// profile, traits, computed, event, context or journey.
/// </summary>
public sealed record MessageTemplate
{
    public string? Id { get; init; }

    public string? Subject { get; init; }

    public string? Body { get; init; }
}
