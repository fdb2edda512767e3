using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage.Journal;

/// <summary>
/// Appends events to the journal with group commit: concurrent requests queue their events and
/// one writer loop commits everything queued in a single multi-row INSERT, so the cost of a
/// commit (and its fsync) is shared. A request completes only after its events are committed.
/// </summary>
public sealed class JournalWriter : IAsyncDisposable
{
    private const string InsertSql = """
        INSERT INTO journal (message_id, partition, profile_kind, profile_id, type, event, occurred_at, received_at, payload)
        SELECT m, p, k, i, t, e, o, r, d::jsonb
        FROM unnest(@message_ids, @partitions, @kinds, @ids, @types, @events, @occurred, @received, @payloads)
             AS incoming(m, p, k, i, t, e, o, r, d)
        ON CONFLICT (message_id) DO NOTHING
        RETURNING position, partition, message_id
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly JournalOptions options;
    private readonly ILogger<JournalWriter> logger;
    private readonly Channel<PendingAppend> queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public JournalWriter(NpgsqlDataSource dataSource, JournalOptions options, ILogger<JournalWriter> logger)
    {
        this.dataSource = dataSource;
        this.options = options;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return Task.FromResult(new JournalAppendResult([], 0));
        }
        var pending = new PendingAppend(entries);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);
        // The caller may stop waiting, but a queued append still commits: never half a request.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var group = new List<PendingAppend>();
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var size = 0;
            while (size < options.MaxBatchSize && queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                size += pending.Entries.Count;
            }

            try
            {
                var stored = await CommitAsync(group, size);
                Complete(group, stored);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Journal commit of {EventCount} events from {RequestCount} requests failed", size, group.Count);
                foreach (var pending in group)
                {
                    pending.Completion.TrySetException(ex);
                }
            }
        }
    }

    private async Task<Dictionary<string, (long Position, int Partition)>> CommitAsync(List<PendingAppend> group, int size)
    {
        var messageIds = new string[size];
        var partitions = new short[size];
        var kinds = new string[size];
        var ids = new string[size];
        var types = new string[size];
        var events = new string?[size];
        var occurred = new DateTime[size];
        var received = new DateTime[size];
        var payloads = new string[size];
        var i = 0;
        foreach (var entry in group.SelectMany(p => p.Entries))
        {
            messageIds[i] = entry.MessageId;
            partitions[i] = (short)JournalPartitioner.PartitionOf(entry.ProfileKind, entry.ProfileId, options.Partitions);
            kinds[i] = entry.ProfileKind;
            ids[i] = entry.ProfileId;
            types[i] = entry.Type;
            events[i] = entry.Event;
            occurred[i] = entry.OccurredAt.UtcDateTime;
            received[i] = entry.ReceivedAt.UtcDateTime;
            payloads[i] = entry.Payload;
            i++;
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter("message_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = messageIds });
        command.Parameters.Add(new NpgsqlParameter("partitions", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { Value = partitions });
        command.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = kinds });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids });
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = types });
        command.Parameters.Add(new NpgsqlParameter("events", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = events });
        command.Parameters.Add(new NpgsqlParameter("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = occurred });
        command.Parameters.Add(new NpgsqlParameter("received", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = received });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = payloads });

        // One statement is one transaction: all of the group commits, or none of it.
        var stored = new Dictionary<string, (long, int)>(size);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(2)] = (reader.GetInt64(0), reader.GetInt16(1));
        }
        return stored;
    }

    private static void Complete(List<PendingAppend> group, Dictionary<string, (long Position, int Partition)> stored)
    {
        foreach (var pending in group)
        {
            var records = new List<JournalRecord>();
            foreach (var entry in pending.Entries)
            {
                // Remove as it is claimed: the same messageId twice in a group is stored once.
                if (stored.Remove(entry.MessageId, out var row))
                {
                    records.Add(new JournalRecord(row.Position, row.Partition, entry.MessageId, entry.ProfileKind, entry.ProfileId,
                        entry.Type, entry.Event, entry.OccurredAt, entry.ReceivedAt, entry.Payload));
                }
            }
            pending.Completion.TrySetResult(new JournalAppendResult(records, pending.Entries.Count - records.Count));
        }
    }

    private sealed record PendingAppend(IReadOnlyList<JournalEntry> Entries)
    {
        public TaskCompletionSource<JournalAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
