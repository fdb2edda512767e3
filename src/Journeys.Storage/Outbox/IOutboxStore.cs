namespace Journeys.Storage.Outbox;

/// <summary>
/// The outbox: rows in, leases out. Every write after a claim names the lease owner and is ignored
/// (returns false) when the lease has passed to another dispatcher, so a late dispatcher cannot
/// overwrite the outcome of the one that took over.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Stores each message once: a dedupe key already present is ignored. Completes after commit.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="max"/> due rows that no live lease holds, counting an attempt on each.</summary>
    Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Ends the row (sent, suppressed or dead) if <paramref name="owner"/> still holds its lease.</summary>
    Task<bool> FinishAsync(long id, string owner, string status, string? detail, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases the row to be tried again at <paramref name="dueAt"/> if <paramref name="owner"/> still holds its lease.
    /// A deferral (<paramref name="failed"/> false, e.g. quiet hours) gives back the attempt its claim counted.
    /// </summary>
    Task<bool> RetryAsync(long id, string owner, DateTimeOffset dueAt, string reason, bool failed, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erasure of a profile: its rows lose their payloads (the step's command and the event that caused it) and error
    /// details, and those still to send are suppressed (<see cref="OutboxOutcome.Erased"/>); statuses and stamps stay
    /// for the journeys' results. Returns how many rows changed; erasing again changes none.
    /// </summary>
    Task<int> EraseAsync(string profileKind, string profileId, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<OutboxRow?> FindAsync(string dedupeKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stamps each engagement on its row once (the first open, click, unsubscribe count; repeats and
    /// unknown dedupe keys change nothing). Completes after commit.
    /// </summary>
    Task RecordEngagementAsync(IReadOnlyList<OutboxEngagement> engagements, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A journey's rows summed by node, status and reason: what the results page shows of its messages.</summary>
    Task<IReadOnlyList<OutboxOutcome>> ReadOutcomesAsync(string journeyId, CancellationToken cancellationToken = default);
}
