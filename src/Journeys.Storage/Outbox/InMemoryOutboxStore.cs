namespace Journeys.Storage.Outbox;

/// <summary>The outbox of the embedded default: the same contract as PostgreSQL's, kept in this process.</summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, OutboxRow> rows = new(StringComparer.Ordinal);
    private readonly HashSet<OutboxEngagement> stamped = [];
    private long nextId;

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var message in messages)
            {
                rows.TryAdd(message.DedupeKey, new OutboxRow(++nextId, message, OutboxStatus.Queued, 0, null, null, null));
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var claimed = rows.Values
                .Where(r => r.Status is OutboxStatus.Queued or OutboxStatus.Retrying && r.Message.DueAt <= now && (r.LeaseUntil is null || r.LeaseUntil < now))
                .OrderBy(r => r.Message.DueAt)
                .Take(max)
                .Select(r => r with { LeaseOwner = owner, LeaseUntil = now + lease, Attempts = r.Attempts + 1 })
                .ToList();
            claimed.ForEach(r => rows[r.Message.DedupeKey] = r);
            return Task.FromResult<IReadOnlyList<OutboxRow>>(claimed);
        }
    }

    public Task<bool> FinishAsync(long id, string owner, string status, string? detail, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(Update(id, owner, r => r with { Status = status, LastError = detail, LeaseOwner = null, LeaseUntil = null }));

    public Task<bool> RetryAsync(long id, string owner, DateTimeOffset dueAt, string reason, bool failed, CancellationToken cancellationToken = default) =>
        Task.FromResult(Update(id, owner, r => r with
        {
            Status = OutboxStatus.Retrying,
            LastError = reason,
            Message = r.Message with { DueAt = dueAt },
            Attempts = failed ? r.Attempts : r.Attempts - 1,
            LeaseOwner = null,
            LeaseUntil = null,
        }));

    public Task<int> EraseAsync(string profileKind, string profileId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var erasing = rows.Values
                .Where(r => r.Message.ProfileKind == profileKind && r.Message.ProfileId == profileId && r.Message.PayloadJson != OutboxMessage.ErasedPayload)
                .ToList();
            foreach (var row in erasing)
            {
                var pending = !OutboxStatus.IsFinal(row.Status);
                rows[row.Message.DedupeKey] = row with
                {
                    Message = row.Message with { PayloadJson = OutboxMessage.ErasedPayload },
                    Status = pending ? OutboxStatus.Suppressed : row.Status,
                    LastError = pending ? OutboxOutcome.Erased : row.Status == OutboxStatus.Suppressed ? row.LastError : null,
                    LeaseOwner = null,
                    LeaseUntil = null,
                };
            }
            return Task.FromResult(erasing.Count);
        }
    }

    public Task<OutboxRow?> FindAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.GetValueOrDefault(dedupeKey));
        }
    }

    public Task RecordEngagementAsync(IReadOnlyList<OutboxEngagement> engagements, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            stamped.UnionWith(engagements.Where(e => rows.ContainsKey(e.DedupeKey)));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxOutcome>> ReadOutcomesAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<OutboxOutcome> outcomes = [.. rows.Values
                .Where(r => r.Message.JourneyId == journeyId)
                .GroupBy(r => (r.Message.NodeId, r.Status, Reason: OutboxOutcome.ReasonOf(r.Status, r.LastError)))
                .Select(g => new OutboxOutcome(g.Key.NodeId, g.Key.Status, g.Key.Reason, g.Count(),
                    g.Count(r => stamped.Contains(new(r.Message.DedupeKey, OutboxEngagement.Opened))),
                    g.Count(r => stamped.Contains(new(r.Message.DedupeKey, OutboxEngagement.Clicked))),
                    g.Count(r => stamped.Contains(new(r.Message.DedupeKey, OutboxEngagement.Unsubscribed))),
                    g.Count(r => stamped.Contains(new(r.Message.DedupeKey, OutboxEngagement.Bounced)))))
                .OrderBy(o => o.NodeId, StringComparer.Ordinal).ThenBy(o => o.Status, StringComparer.Ordinal).ThenBy(o => o.Reason, StringComparer.Ordinal)];
            return Task.FromResult(outcomes);
        }
    }

    private bool Update(long id, string owner, Func<OutboxRow, OutboxRow> change)
    {
        lock (gate)
        {
            var row = rows.Values.FirstOrDefault(r => r.Id == id);
            if (row is null || row.LeaseOwner != owner || OutboxStatus.IsFinal(row.Status))
            {
                return false;
            }
            rows[row.Message.DedupeKey] = change(row);
            return true;
        }
    }
}
