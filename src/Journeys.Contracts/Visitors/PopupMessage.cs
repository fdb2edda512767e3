namespace Journeys.Contracts.Visitors;

/// <summary>
/// A rendered journey popup on its way to a visitor's page. <see cref="Id"/> is stable for one
/// journey step, so the page's shown/clicked/dismissed events are recorded once per popup.
/// <see cref="BodyHtml"/> has profile values HTML-encoded; the browser SDK still sanitises it.
/// </summary>
[GenerateSerializer, Immutable, Alias("journeys.popup-message")]
public sealed record PopupMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string JourneyId,
    [property: Id(2)] int Version,
    [property: Id(3)] string DedupeKey,
    [property: Id(4)] string Title,
    [property: Id(5)] string BodyHtml,
    [property: Id(6)] DateTimeOffset ExpiresAt);
