namespace Journeys.Engine.Events.Catalogue;

/// <summary>Engagement with a message the engine sent; <see cref="DeliveryId"/> is the outbox delivery it answers.</summary>
public abstract record MessageEngagement(string DeliveryId, MessageChannel Channel, string? JourneyId, string? Url) : EventProperties;

public sealed record MessageOpened(string DeliveryId, MessageChannel Channel, string? JourneyId, string? Url)
    : MessageEngagement(DeliveryId, Channel, JourneyId, Url)
{
    internal static MessageOpened? Read(JsonObjectReader r) =>
        MessageFields.Read(r, urlRequired: false) is { } f ? new MessageOpened(f.DeliveryId, f.Channel, f.JourneyId, f.Url) : null;
}

public sealed record MessageClicked(string DeliveryId, MessageChannel Channel, string? JourneyId, string Url)
    : MessageEngagement(DeliveryId, Channel, JourneyId, Url)
{
    internal static MessageClicked? Read(JsonObjectReader r) =>
        MessageFields.Read(r, urlRequired: true) is { } f ? new MessageClicked(f.DeliveryId, f.Channel, f.JourneyId, f.Url!) : null;
}

/// <summary>Withdraws consent for the channel, or only for <see cref="Topic"/> when one is given.</summary>
public sealed record MessageUnsubscribed(string DeliveryId, MessageChannel Channel, string? JourneyId, string? Url, string? Topic)
    : MessageEngagement(DeliveryId, Channel, JourneyId, Url)
{
    internal static MessageUnsubscribed? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var fields = MessageFields.Read(r, urlRequired: false);
        var topic = r.String("topic", required: false, maxLength: 100);
        return r.ErrorCount > mark
            ? null
            : new MessageUnsubscribed(fields!.DeliveryId, fields.Channel, fields.JourneyId, fields.Url, topic);
    }
}

/// <summary>
/// A message that could not reach <see cref="Address"/>: reported by the dispatcher when the receiving
/// server refuses the recipient, or sent by an integrator from an e-mail or SMS service's bounce webhook
/// (then <see cref="DeliveryId"/> may be absent: the message need not be one this engine sent). A hard
/// bounce stops the channel's messages for as long as the profile still holds that address.
/// </summary>
public sealed record MessageBounced(string? DeliveryId, MessageChannel Channel, string? JourneyId, string Address, BounceType BounceType, string? Reason)
    : EventProperties
{
    internal static MessageBounced? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var deliveryId = r.String("deliveryId", required: false);
        var channel = r.Enum<MessageChannel>("channel", required: true);
        var journeyId = r.String("journeyId", required: false);
        var address = r.String("address", required: true, maxLength: 320);
        var bounceType = r.Has("bounceType") ? r.Enum<BounceType>("bounceType", required: true) : BounceType.Hard;
        var reason = r.String("reason", required: false, maxLength: 1000);
        return r.ErrorCount > mark
            ? null
            : new MessageBounced(deliveryId, channel!.Value, journeyId, address!, bounceType!.Value, reason);
    }
}

internal sealed record MessageFields(string DeliveryId, MessageChannel Channel, string? JourneyId, string? Url)
{
    public static MessageFields? Read(JsonObjectReader r, bool urlRequired)
    {
        var mark = r.ErrorCount;
        var deliveryId = r.String("deliveryId", required: true);
        var channel = r.Enum<MessageChannel>("channel", required: true);
        var journeyId = r.String("journeyId", required: false);
        var url = r.Code("url", urlRequired, JsonFormats.IsAbsoluteUrl, Expect.Url);
        return r.ErrorCount > mark ? null : new MessageFields(deliveryId!, channel!.Value, journeyId, url);
    }
}
