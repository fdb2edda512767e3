namespace Journeys.Contracts.Profiles;

/// <summary>
/// A profile's answer to a dispatcher about to send one of its messages: suppressed (with the reason),
/// deferred (until when, why), or send, with the profile's current state as JSON for rendering.
/// </summary>
[GenerateSerializer, Immutable, Alias("journeys.delivery-check")]
public sealed record DeliveryCheck(
    [property: Id(0)] string? SuppressedReason,
    [property: Id(1)] DateTimeOffset? DeferredUntil,
    [property: Id(2)] string? DeferredReason,
    [property: Id(3)] string StateJson);
