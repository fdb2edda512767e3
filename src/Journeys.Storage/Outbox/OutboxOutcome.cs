namespace Journeys.Storage.Outbox;

/// <summary>
/// How many rows of one journey node are in one <see cref="Status"/> (and, for a suppressed row or one
/// deferred by quiet hours, with one <see cref="Reason"/>), and how many of those were opened, clicked
/// and unsubscribed from.
/// </summary>
public sealed record OutboxOutcome(string NodeId, string Status, string? Reason, long Count, long Opened, long Clicked, long Unsubscribed, long Bounced)
{
    /// <summary>The reason the engine's send-time check gives a deferral until quiet hours end (the only deferral it makes).</summary>
    public const string QuietHours = "quietHours";

    /// <summary>The reason of a row that was still to send when its profile was erased.</summary>
    public const string Erased = "erased";

    /// <summary>The reason an outcome is summed under: suppressions by their reason, rows held for quiet hours; others by status alone.</summary>
    public static string? ReasonOf(string status, string? lastError) => status switch
    {
        OutboxStatus.Suppressed => lastError,
        OutboxStatus.Retrying when lastError == QuietHours => QuietHours,
        _ => null,
    };
}
