namespace Journeys.Grains.Journeys;

[GenerateSerializer, Alias("journeys.journey-catalog-state")]
public sealed class JourneyCatalogState
{
    [Id(0)] public Dictionary<string, CatalogJourney> Journeys { get; set; } = [];
}
