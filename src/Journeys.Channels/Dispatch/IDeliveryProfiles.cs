using Journeys.Contracts.Profiles;
using Journeys.Storage.Outbox;

namespace Journeys.Channels.Dispatch;

/// <summary>The profile side of a send: the send-time check before it, the outcome on the timeline after it.</summary>
public interface IDeliveryProfiles
{
    Task<DeliveryCheck> CheckAsync(OutboxMessage message);

    Task RecordAsync(OutboxMessage message, string status, string? detail);
}
