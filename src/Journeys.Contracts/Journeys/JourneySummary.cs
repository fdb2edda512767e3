namespace Journeys.Contracts.Journeys;

[GenerateSerializer, Immutable, Alias("journeys.journey-summary")]
public sealed record JourneySummary(
    [property: Id(0)] string JourneyId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Status,
    [property: Id(3)] int? PublishedVersion,
    [property: Id(4)] bool HasDraft,
    [property: Id(5)] DateTimeOffset UpdatedAt);
