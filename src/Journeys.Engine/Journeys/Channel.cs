namespace Journeys.Engine.Journeys;

/// <summary>Where a message or popup goes; also the unit of consent and of frequency caps.</summary>
public enum Channel
{
    Email,
    Sms,
    Push,
    Telegram,
    Webhook,
    Popup,
}
