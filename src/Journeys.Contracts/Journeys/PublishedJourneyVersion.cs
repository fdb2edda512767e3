using System.Collections.Immutable;

namespace Journeys.Contracts.Journeys;

/// <summary>An immutable published version and what its publication decided for instances of older versions.</summary>
[GenerateSerializer, Immutable, Alias("journeys.published-journey-version")]
public sealed record PublishedJourneyVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string DefinitionJson,
    [property: Id(2)] DateTimeOffset PublishedAt,
    [property: Id(3)] string InFlight,
    [property: Id(4)] ImmutableDictionary<string, string>? NodeMapping);
