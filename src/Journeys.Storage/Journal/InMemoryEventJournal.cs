namespace Journeys.Storage.Journal;

/// <summary>The journal of the embedded default: same contract, kept in this process only.</summary>
public sealed class InMemoryEventJournal(JournalOptions options) : IEventJournal
{
    private readonly Lock gate = new();
    private readonly List<PartitionRecord> records = [];
    private readonly Dictionary<(string Kind, string Id), long> lastOfProfile = [];
    private readonly HashSet<string> messageIds = [];
    private readonly Dictionary<int, long> checkpoints = [];

    public int Partitions => options.Partitions;

    public Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var stored = new List<JournalRecord>();
            foreach (var e in entries)
            {
                if (messageIds.Add(e.MessageId))
                {
                    var record = new JournalRecord(records.Count + 1, JournalPartitioner.PartitionOf(e.ProfileKind, e.ProfileId, options.Partitions),
                        e.MessageId, e.ProfileKind, e.ProfileId, e.Type, e.Event, e.OccurredAt, e.ReceivedAt, e.Payload);
                    records.Add(new PartitionRecord(record, lastOfProfile.GetValueOrDefault((e.ProfileKind, e.ProfileId))));
                    lastOfProfile[(e.ProfileKind, e.ProfileId)] = record.Position;
                    stored.Add(record);
                }
            }
            return Task.FromResult(new JournalAppendResult(stored, entries.Count - stored.Count));
        }
    }

    public Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<PartitionRecord> result = records.Skip((int)afterPosition).Where(r => r.Record.Partition == partition).Take(limit).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<JournalRecord>> ReadProfileEventsAsync(string profileKind, string profileId, long afterPosition, long upToPosition, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<JournalRecord> result = records.Select(r => r.Record)
                .Where(r => r.ProfileKind == profileKind && r.ProfileId == profileId && r.Position > afterPosition && r.Position <= upToPosition)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<JournalRecord>> ReadProfileAsync(string profileKind, string profileId, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<JournalRecord> result = records.Select(r => r.Record).Where(r => r.ProfileKind == profileKind && r.ProfileId == profileId).Reverse().Take(limit).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(checkpoints.GetValueOrDefault(partition));
        }
    }

    public Task SaveCheckpointAsync(int partition, long position, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            checkpoints[partition] = Math.Max(checkpoints.GetValueOrDefault(partition), position);
            return Task.CompletedTask;
        }
    }

    public Task<int> ErasePayloadsAsync(string profileKind, string profileId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var erased = 0;
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i].Record;
                if (r.ProfileKind == profileKind && r.ProfileId == profileId && !r.Payload.Contains("\"erased\"", StringComparison.Ordinal))
                {
                    records[i] = records[i] with { Record = r with { Payload = $$"""{"erased":true,"type":"{{r.Type}}"}""" } };
                    erased++;
                }
            }
            return Task.FromResult(erased);
        }
    }
}
