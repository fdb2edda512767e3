namespace Journeys.Contracts.Profiles;

/// <summary>A profile as the API shows it; JSON parts stay JSON so the wire format never lags the engine's model.</summary>
[GenerateSerializer, Immutable, Alias("journeys.profile-view")]
public sealed record ProfileView(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string StateJson,
    [property: Id(3)] long LastAppliedPosition,
    [property: Id(4)] IReadOnlyList<string> Segments,
    [property: Id(5)] string? MergedInto,
    [property: Id(6)] string JourneysJson,
    [property: Id(7)] string TimelineJson);
