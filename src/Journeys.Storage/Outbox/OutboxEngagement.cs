namespace Journeys.Storage.Outbox;

/// <summary>A recipient opened, clicked or unsubscribed from the message of the outbox row <see cref="DedupeKey"/>, or it bounced.</summary>
public sealed record OutboxEngagement(string DedupeKey, string Kind)
{
    public const string Opened = "opened";
    public const string Clicked = "clicked";
    public const string Unsubscribed = "unsubscribed";
    public const string Bounced = "bounced";
}
