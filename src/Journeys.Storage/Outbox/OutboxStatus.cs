namespace Journeys.Storage.Outbox;

/// <summary>Where an outbox row is; the profile timeline shows the same words.</summary>
public static class OutboxStatus
{
    public const string Queued = "queued";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Suppressed = "suppressed";
    public const string Dead = "dead";

    public static bool IsFinal(string status) => status is Sent or Suppressed or Dead;
}
