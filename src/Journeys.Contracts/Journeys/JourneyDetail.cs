namespace Journeys.Contracts.Journeys;

[GenerateSerializer, Immutable, Alias("journeys.journey-detail")]
public sealed record JourneyDetail(
    [property: Id(0)] JourneySummary Summary,
    [property: Id(1)] string? DraftJson,
    [property: Id(2)] IReadOnlyList<PublishedJourneyVersion> Versions);
