namespace Journeys.Storage.GrainState;

/// <summary>
/// The embedded default's state store: nothing durable, the same versions and due index as
/// PostgreSQL. Due rows are found by a scan of every row, which suits a demo's few profiles.
/// </summary>
public sealed class InMemoryGrainStateStore : IGrainStateStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<GrainStateKey, Row> rows = [];

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue(key, out var row) ? new StoredGrainState(row.Version, row.Payload) : null);
        }
    }

    public Task<int?> WriteAsync(GrainStateWrite write)
    {
        lock (gate)
        {
            var current = rows.TryGetValue(write.Key, out var row) ? row.Version : (int?)null;
            if (current != write.ExpectedVersion)
            {
                return Task.FromResult<int?>(null);
            }
            var version = (current ?? 0) + 1;
            rows[write.Key] = new Row(version, write.Payload, write.Due);
            return Task.FromResult<int?>(version);
        }
    }

    public Task<bool> DeleteAsync(GrainStateKey key, int expectedVersion)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue(key, out var row) && row.Version == expectedVersion && rows.Remove(key));
        }
    }

    public Task<IReadOnlyList<DueGrain>> ReadDueAsync(int partition, DateTimeOffset upTo, DueGrain? after, int limit)
    {
        lock (gate)
        {
            IReadOnlyList<DueGrain> due = rows
                .Where(r => r.Value.Due is { } d && d.Partition == partition && d.At <= upTo)
                .Select(r => new DueGrain(r.Key.GrainId, r.Value.Due!.At))
                .Where(d => after is null || d.DueAt > after.DueAt || (d.DueAt == after.DueAt && string.CompareOrdinal(d.GrainId, after.GrainId) > 0))
                .OrderBy(d => d.DueAt).ThenBy(d => d.GrainId, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            return Task.FromResult(due);
        }
    }

    private sealed record Row(int Version, byte[] Payload, DueEntry? Due);
}
