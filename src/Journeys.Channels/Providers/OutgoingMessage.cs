using Journeys.Engine.Journeys;

namespace Journeys.Channels.Providers;

/// <summary>
/// A rendered message on its way to a provider. <see cref="DeliveryId"/> is the outbox dedupe key:
/// providers pass it on as their idempotency key where the service has one.
/// </summary>
public sealed record OutgoingMessage(
    string DeliveryId,
    string ProfileKind,
    string ProfileId,
    string JourneyId,
    string? Topic,
    string? Subject,
    string Body,
    JsonElement Traits,
    CallWebhook? Webhook = null)
{
    public string? Trait(string name) =>
        Traits.ValueKind == JsonValueKind.Object && Traits.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : null;
}
