using Npgsql;

namespace Journeys.Storage.Journal;

/// <summary>Reads the journal by partition (delivery and recovery) and by profile (history).</summary>
public sealed class JournalReader(NpgsqlDataSource dataSource)
{
    private const string Columns = "position, partition, message_id, profile_kind, profile_id, type, event, occurred_at, received_at, payload::text";

    /// <summary>
    /// Committed events of a partition after <paramref name="afterPosition"/>, in position order. Every journal
    /// commit holds <see cref="JournalWriter.WriterLockKey"/> from before it draws its first position until it is
    /// visible, so the committed rows are always every position up to some point: a reader cannot pass a smaller
    /// position that commits later, and needs no guard that would hold rows back behind unrelated transactions
    /// (profile saves, counters) still running. Each comes with
    /// its profile's previous position: from the batch itself, or from the profile index for the first
    /// of each profile (one index probe per profile, not per row: COALESCE evaluates the lookup only then; as
    /// ORDER BY .. LIMIT 1, a third of the cost of max() here, ~1.5 µs a probe on this machine).
    /// </summary>
    public async Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH batch AS (
                SELECT {Columns} FROM journal
                WHERE partition = @partition AND position > @after
                ORDER BY position
                LIMIT @limit
            )
            SELECT b.*, coalesce(
                lag(b.position) OVER (PARTITION BY b.profile_kind, b.profile_id ORDER BY b.position),
                (SELECT p.position FROM journal p WHERE p.profile_kind = b.profile_kind AND p.profile_id = b.profile_id AND p.position < b.position
                 ORDER BY p.position DESC LIMIT 1),
                0)
            FROM batch b
            ORDER BY b.position
            """);
        command.Parameters.AddWithValue("partition", (short)partition);
        command.Parameters.AddWithValue("after", afterPosition);
        command.Parameters.AddWithValue("limit", limit);
        var records = new List<PartitionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new PartitionRecord(Record(reader), reader.GetInt64(10)));
        }
        return records;
    }

    /// <summary>One profile's events in a range of positions, oldest first (the profile index).</summary>
    public async Task<IReadOnlyList<JournalRecord>> ReadProfileEventsAsync(string profileKind, string profileId, long afterPosition, long upToPosition, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM journal
            WHERE profile_kind = @kind AND profile_id = @id AND position > @after AND position <= @up_to
            ORDER BY position
            """);
        command.Parameters.AddWithValue("kind", profileKind);
        command.Parameters.AddWithValue("id", profileId);
        command.Parameters.AddWithValue("after", afterPosition);
        command.Parameters.AddWithValue("up_to", upToPosition);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The newest events of one profile, newest first.</summary>
    public async Task<IReadOnlyList<JournalRecord>> ReadProfileAsync(string profileKind, string profileId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM journal
            WHERE profile_kind = @kind AND profile_id = @id
            ORDER BY position DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("kind", profileKind);
        command.Parameters.AddWithValue("id", profileId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT position FROM journal_checkpoint WHERE partition = @partition");
        command.Parameters.AddWithValue("partition", (short)partition);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    /// <summary>Moves a partition's checkpoint forward; never back, whoever writes last.</summary>
    public async Task SaveCheckpointAsync(int partition, long position, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO journal_checkpoint (partition, position, saved_at) VALUES (@partition, @position, now())
            ON CONFLICT (partition) DO UPDATE SET position = GREATEST(journal_checkpoint.position, excluded.position), saved_at = now()
            """);
        command.Parameters.AddWithValue("partition", (short)partition);
        command.Parameters.AddWithValue("position", position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ErasePayloadsAsync(string profileKind, string profileId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE journal SET payload = json_build_object('erased', true, 'type', type, 'event', event)
            WHERE profile_kind = @kind AND profile_id = @id AND payload->>'erased' IS NULL
            """);
        command.Parameters.AddWithValue("kind", profileKind);
        command.Parameters.AddWithValue("id", profileId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<JournalRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<JournalRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Record(reader));
        }
        return records;
    }

    private static JournalRecord Record(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt16(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetString(9));
}
