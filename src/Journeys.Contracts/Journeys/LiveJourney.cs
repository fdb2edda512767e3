namespace Journeys.Contracts.Journeys;

/// <summary>A journey as profiles run it: its status, the version new entrants get, and all published versions.</summary>
[GenerateSerializer, Immutable, Alias("journeys.live-journey")]
public sealed record LiveJourney(
    [property: Id(0)] string JourneyId,
    [property: Id(1)] string Status,
    [property: Id(2)] int CurrentVersion,
    [property: Id(3)] IReadOnlyList<PublishedJourneyVersion> Versions);
