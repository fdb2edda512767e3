using Journeys.Contracts.Profiles;
using Journeys.Storage.Outbox;

namespace Journeys.Channels.Dispatch;

/// <summary>The profile side of a send: the send-time check before it, the outcome on the timeline after it, and bounces.</summary>
public interface IDeliveryProfiles
{
    Task<DeliveryCheck> CheckAsync(OutboxMessage message);

    Task RecordAsync(OutboxMessage message, string status, string? detail);

    /// <summary>The receiving side refused <paramref name="address"/> for <paramref name="message"/>: a hard bounce on the profile.</summary>
    Task BouncedAsync(OutboxMessage message, string address, string reason);
}
