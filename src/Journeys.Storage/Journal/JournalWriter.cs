using Journeys.Storage.Batching;
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
    /// <summary>
    /// Held by a commit from before its first position is drawn until it ends, by every gateway: so
    /// positions follow commit order. Without it two gateways' inserts interleave their positions, and a
    /// reader (which takes every committed row after the last position it delivered) could pass positions
    /// of a commit still in flight and never come back for them.
    /// </summary>
    public const long WriterLockKey = 0x4A_6F75_726E_616C;

    private const string InsertSql = """
        WITH one_writer AS MATERIALIZED (SELECT pg_advisory_xact_lock(@writer_lock))
        INSERT INTO journal (message_id, partition, profile_kind, profile_id, type, event, occurred_at, received_at, payload)
        SELECT m, p, k, i, t, e, o, r, d::json
        FROM one_writer, unnest(@message_ids, @partitions, @kinds, @ids, @types, @events, @occurred, @received, @payloads)
             AS incoming(m, p, k, i, t, e, o, r, d)
        ON CONFLICT (message_id) DO NOTHING
        RETURNING position, partition, message_id
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly JournalOptions options;
    private readonly GroupCommitQueue<IReadOnlyList<JournalEntry>, JournalAppendResult> queue;

    public JournalWriter(NpgsqlDataSource dataSource, JournalOptions options, ILogger<JournalWriter> logger)
    {
        this.dataSource = dataSource;
        this.options = options;
        queue = new(CommitGroupAsync, options.MaxBatchSize, entries => entries.Count, logger, "Journal group commit");
    }

    public Task<JournalAppendResult> AppendAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0 ? Task.FromResult(new JournalAppendResult([], 0)) : queue.EnqueueAsync(entries, cancellationToken);

    public ValueTask DisposeAsync() => queue.DisposeAsync();

    private async Task<IReadOnlyList<JournalAppendResult>> CommitGroupAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> group)
    {
        var entries = group.SelectMany(e => e).ToList();
        var stored = await CommitAsync(entries);
        return [.. group.Select(request => Claim(request, stored))];
    }

    private async Task<Dictionary<string, (long Position, int Partition)>> CommitAsync(List<JournalEntry> entries)
    {
        var size = entries.Count;
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
        foreach (var entry in entries)
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
        command.Parameters.AddWithValue("writer_lock", WriterLockKey);
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

    private static JournalAppendResult Claim(IReadOnlyList<JournalEntry> request, Dictionary<string, (long Position, int Partition)> stored)
    {
        var records = new List<JournalRecord>();
        foreach (var entry in request)
        {
            // Remove as it is claimed: the same messageId twice in a group is stored once.
            if (stored.Remove(entry.MessageId, out var row))
            {
                records.Add(new JournalRecord(row.Position, row.Partition, entry.MessageId, entry.ProfileKind, entry.ProfileId,
                    entry.Type, entry.Event, entry.OccurredAt, entry.ReceivedAt, entry.Payload));
            }
        }
        return new JournalAppendResult(records, request.Count - records.Count);
    }
}
