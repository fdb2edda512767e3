namespace Journeys.Contracts.Profiles;

[GenerateSerializer, Immutable, Alias("journeys.consent-update")]
public sealed record ConsentUpdate(
    [property: Id(0)] string? Channel,
    [property: Id(1)] string? Topic,
    [property: Id(2)] bool Granted,
    [property: Id(3)] string Source,
    [property: Id(4)] DateTimeOffset At);
