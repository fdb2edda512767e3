namespace Journeys.Engine.Journeys;

/// <summary>What the send-time check decided: send now, suppress (with the reason) or defer until a time.</summary>
public sealed record SendDecision(string? SuppressedReason, DateTimeOffset? DeferredUntil, string? DeferredReason)
{
    public static SendDecision Send { get; } = new(null, null, null);

    public bool MaySend => SuppressedReason is null && DeferredUntil is null;

    public static SendDecision Suppress(string reason) => new(reason, null, null);

    public static SendDecision Defer(DateTimeOffset until, string reason) => new(null, until, reason);
}
