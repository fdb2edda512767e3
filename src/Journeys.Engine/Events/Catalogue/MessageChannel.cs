namespace Journeys.Engine.Events.Catalogue;

/// <summary>A channel a profile can be reached on and consents to; on the wire lower case.</summary>
public enum MessageChannel
{
    Email,
    Sms,
    Push,
    Telegram,
    Popup,
}
