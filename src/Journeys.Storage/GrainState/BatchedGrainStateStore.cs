using Journeys.Storage.Batching;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage.GrainState;

/// <summary>
/// Grain state rows read and written in groups: every profile saved at about the same time shares
/// one statement and one commit, with the same optimistic concurrency as one write at a time
/// (a write whose expected version is stale changes nothing and reports a conflict). The due index
/// (<c>due_at</c>, <c>due_partition</c>) is written by the same statement as the state it belongs to.
/// </summary>
public sealed class BatchedGrainStateStore : IGrainStateStore, IAsyncDisposable
{
    private const int MaxGroup = 1000;

    private const string ReadSql = """
        SELECT k.i, s.version, s.payload
        FROM unnest(@grain_ids, @state_names) WITH ORDINALITY AS k(g, n, i)
        JOIN profile_state s ON s.service_id = @service AND s.grain_id = k.g AND s.state_name = k.n
        """;

    // Updates need the expected version; inserts need that no row exists. Rows not returned lost a race.
    private const string WriteSql = """
        WITH incoming AS (
            SELECT * FROM unnest(@grain_ids, @state_names, @expected, @payloads, @due_ats, @due_partitions)
                WITH ORDINALITY AS k(g, n, expected, payload, due_at, due_partition, i)
        ),
        updated AS (
            UPDATE profile_state s SET version = s.version + 1, payload = k.payload, saved_at = now(), due_at = k.due_at, due_partition = k.due_partition
            FROM incoming k
            WHERE k.expected IS NOT NULL AND s.service_id = @service AND s.grain_id = k.g AND s.state_name = k.n AND s.version = k.expected
            RETURNING k.i, s.version
        ),
        inserted AS (
            INSERT INTO profile_state (service_id, grain_id, state_name, version, payload, due_at, due_partition)
            SELECT @service, k.g, k.n, 1, k.payload, k.due_at, k.due_partition FROM incoming k WHERE k.expected IS NULL
            ON CONFLICT DO NOTHING
            RETURNING grain_id, state_name, version
        )
        SELECT i, version FROM updated
        UNION ALL
        SELECT k.i, s.version FROM inserted s JOIN incoming k ON k.g = s.grain_id AND k.n = s.state_name
        """;

    // Keyset pages over the partial index profile_state_due: each page starts after the last row of the one before.
    private const string DueSql = """
        SELECT grain_id, due_at FROM profile_state
        WHERE service_id = @service AND due_partition = @partition AND due_at IS NOT NULL AND due_at <= @up_to
          AND (due_at, grain_id) > (@after_due, @after_grain)
        ORDER BY due_at, grain_id
        LIMIT @limit
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly string serviceId;
    private readonly GroupCommitQueue<GrainStateKey, StoredGrainState?> reads;
    private readonly GroupCommitQueue<GrainStateWrite, int?> writes;

    public BatchedGrainStateStore(NpgsqlDataSource dataSource, string serviceId, ILogger<BatchedGrainStateStore> logger)
    {
        this.dataSource = dataSource;
        this.serviceId = serviceId;
        reads = new(ReadGroupAsync, MaxGroup, _ => 1, logger, "Grain state group read");
        writes = new(WriteGroupAsync, MaxGroup, _ => 1, logger, "Grain state group write");
    }

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key) => reads.EnqueueAsync(key);

    public Task<int?> WriteAsync(GrainStateWrite write) => writes.EnqueueAsync(write);

    public async Task<IReadOnlyList<DueGrain>> ReadDueAsync(int partition, DateTimeOffset upTo, DueGrain? after, int limit)
    {
        await using var command = dataSource.CreateCommand(DueSql);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("up_to", upTo);
        command.Parameters.AddWithValue("after_due", after?.DueAt ?? DateTimeOffset.MinValue);
        command.Parameters.AddWithValue("after_grain", after?.GrainId ?? "");
        command.Parameters.AddWithValue("limit", limit);
        var due = new List<DueGrain>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due.Add(new DueGrain(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return due;
    }

    public async Task<bool> DeleteAsync(GrainStateKey key, int expectedVersion)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM profile_state WHERE service_id = @service AND grain_id = @grain_id AND state_name = @state_name AND version = @expected");
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("grain_id", key.GrainId);
        command.Parameters.AddWithValue("state_name", key.StateName);
        command.Parameters.AddWithValue("expected", expectedVersion);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async ValueTask DisposeAsync()
    {
        await writes.DisposeAsync();
        await reads.DisposeAsync();
    }

    private async Task<IReadOnlyList<StoredGrainState?>> ReadGroupAsync(IReadOnlyList<GrainStateKey> keys)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(ArrayParameter.Of("grain_ids", NpgsqlDbType.Text, keys, k => k.GrainId));
        command.Parameters.Add(ArrayParameter.Of("state_names", NpgsqlDbType.Text, keys, k => k.StateName));
        var found = new StoredGrainState?[keys.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[reader.GetInt64(0) - 1] = new StoredGrainState(reader.GetInt32(1), reader.GetFieldValue<byte[]>(2));
        }
        return found;
    }

    private async Task<IReadOnlyList<int?>> WriteGroupAsync(IReadOnlyList<GrainStateWrite> group)
    {
        // One statement cannot change a row twice; a second write of the same state (two activations
        // racing) goes in a later round, where its expected version decides as it would alone.
        var results = new int?[group.Count];
        var remaining = Enumerable.Range(0, group.Count).ToList();
        while (remaining.Count > 0)
        {
            var round = remaining.DistinctBy(i => group[i].Key).ToList();
            remaining = [.. remaining.Except(round)];
            await WriteRoundAsync(group, round, results);
        }
        return results;
    }

    private async Task WriteRoundAsync(IReadOnlyList<GrainStateWrite> group, List<int> round, int?[] results)
    {
        await using var command = dataSource.CreateCommand(WriteSql);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.Add(ArrayParameter.Of("grain_ids", NpgsqlDbType.Text, round, i => group[i].Key.GrainId));
        command.Parameters.Add(ArrayParameter.Of("state_names", NpgsqlDbType.Text, round, i => group[i].Key.StateName));
        command.Parameters.Add(ArrayParameter.Of("expected", NpgsqlDbType.Integer, round, i => group[i].ExpectedVersion));
        command.Parameters.Add(ArrayParameter.Of("payloads", NpgsqlDbType.Bytea, round, i => group[i].Payload));
        command.Parameters.Add(ArrayParameter.Of("due_ats", NpgsqlDbType.TimestampTz, round, i => group[i].Due?.At));
        command.Parameters.Add(ArrayParameter.Of("due_partitions", NpgsqlDbType.Integer, round, i => group[i].Due?.Partition));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            results[round[(int)reader.GetInt64(0) - 1]] = reader.GetInt32(1);
        }
    }
}
