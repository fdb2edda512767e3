using Journeys.Contracts.Profiles;
using Journeys.Storage.Outbox;
using Orleans;

namespace Journeys.Channels.Dispatch;

/// <summary>Asks the profile grain itself: it holds the consent, the time zone and the sends the caps count.</summary>
public sealed class GrainDeliveryProfiles(IGrainFactory grains) : IDeliveryProfiles
{
    public Task<DeliveryCheck> CheckAsync(OutboxMessage message) =>
        grains.GetProfile(message.ProfileKind, message.ProfileId).CheckDeliveryAsync(message.DedupeKey, message.Channel, message.Topic, message.JourneyId, message.Version);

    public Task RecordAsync(OutboxMessage message, string status, string? detail) =>
        grains.GetProfile(message.ProfileKind, message.ProfileId).RecordDeliveryAsync(message.DedupeKey, status, detail);

    public Task BouncedAsync(OutboxMessage message, string address, string reason) =>
        grains.GetProfile(message.ProfileKind, message.ProfileId).RecordBounceAsync(message.DedupeKey, message.Channel, message.JourneyId, address, reason);
}
