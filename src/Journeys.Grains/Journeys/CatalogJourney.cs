using System.Collections.Immutable;
using Journeys.Contracts.Journeys;

namespace Journeys.Grains.Journeys;

/// <summary>One journey in the catalogue: its status, the draft being edited and every published version, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("journeys.catalog-journey")]
public sealed record CatalogJourney(
    [property: Id(0)] string JourneyId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Status,
    [property: Id(3)] string? DraftJson,
    [property: Id(4)] ImmutableList<PublishedJourneyVersion> Versions,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    public PublishedJourneyVersion? Current => Versions.IsEmpty ? null : Versions[^1];

    public JourneySummary Summary() => new(JourneyId, Name, Status, Current?.Version, DraftJson is not null, UpdatedAt);
}
