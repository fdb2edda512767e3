using Journeys.Storage.Batching;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage.Outbox;

/// <summary>
/// The outbox in PostgreSQL. Enqueues use group commit like the journal: every grain's rows queued
/// while one INSERT runs go into the next one, so a burst of journey steps shares commits.
/// </summary>
public sealed class PostgresOutboxStore : IOutboxStore, IAsyncDisposable
{
    private const int MaxBatchSize = 1000;

    private const string InsertSql = """
        INSERT INTO outbox (dedupe_key, profile_kind, profile_id, journey_id, version, node_id, channel, topic, payload, due_at)
        SELECT k, pk, pi, j, v, n, c, t, p::jsonb, d
        FROM unnest(@keys, @kinds, @ids, @journeys, @versions, @nodes, @channels, @topics, @payloads, @due)
             AS incoming(k, pk, pi, j, v, n, c, t, p, d)
        ON CONFLICT (dedupe_key) DO NOTHING
        """;

    // SKIP LOCKED: racing dispatchers each take different rows instead of queueing on the same ones.
    private const string ClaimSql = $"""
        UPDATE outbox SET lease_owner = @owner, lease_until = @now + @lease, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM outbox
            WHERE status IN ('queued', 'retrying') AND due_at <= @now AND (lease_until IS NULL OR lease_until < @now)
            ORDER BY due_at
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        RETURNING {OutboxRows.Columns}
        """;

    private const string FinishSql = """
        UPDATE outbox SET status = @status, last_error = @detail, finished_at = @now, lease_owner = NULL, lease_until = NULL
        WHERE id = @id AND lease_owner = @owner AND status IN ('queued', 'retrying')
        """;

    private const string RetrySql = """
        UPDATE outbox SET status = 'retrying', last_error = @reason, due_at = @due, lease_owner = NULL, lease_until = NULL,
                          attempts = attempts - CASE WHEN @failed THEN 0 ELSE 1 END
        WHERE id = @id AND lease_owner = @owner AND status IN ('queued', 'retrying')
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly GroupCommitQueue<IReadOnlyList<OutboxMessage>, bool> queue;

    public PostgresOutboxStore(NpgsqlDataSource dataSource, ILogger<PostgresOutboxStore> logger)
    {
        this.dataSource = dataSource;
        queue = new(InsertGroupAsync, MaxBatchSize, messages => messages.Count, logger, "Outbox group commit");
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return Task.CompletedTask;
        }
        return queue.EnqueueAsync(messages, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("max", max);
        return await OutboxRows.ReadAllAsync(command, cancellationToken);
    }

    public async Task<bool> FinishAsync(long id, string owner, string status, string? detail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(FinishSql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RetryAsync(long id, string owner, DateTimeOffset dueAt, string reason, bool failed, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(RetrySql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("due", dueAt);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("failed", failed);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<OutboxRow?> FindAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {OutboxRows.Columns} FROM outbox WHERE dedupe_key = @key");
        command.Parameters.AddWithValue("key", dedupeKey);
        return (await OutboxRows.ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public ValueTask DisposeAsync() => queue.DisposeAsync();

    private async Task<IReadOnlyList<bool>> InsertGroupAsync(IReadOnlyList<IReadOnlyList<OutboxMessage>> group)
    {
        await InsertAsync([.. group.SelectMany(m => m)]);
        return [.. group.Select(_ => true)];
    }

    private async Task InsertAsync(List<OutboxMessage> messages)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(ArrayParameter.Of("keys", NpgsqlDbType.Text, messages, m => m.DedupeKey));
        command.Parameters.Add(ArrayParameter.Of("kinds", NpgsqlDbType.Text, messages, m => m.ProfileKind));
        command.Parameters.Add(ArrayParameter.Of("ids", NpgsqlDbType.Text, messages, m => m.ProfileId));
        command.Parameters.Add(ArrayParameter.Of("journeys", NpgsqlDbType.Text, messages, m => m.JourneyId));
        command.Parameters.Add(ArrayParameter.Of("versions", NpgsqlDbType.Integer, messages, m => m.Version));
        command.Parameters.Add(ArrayParameter.Of("nodes", NpgsqlDbType.Text, messages, m => m.NodeId));
        command.Parameters.Add(ArrayParameter.Of("channels", NpgsqlDbType.Text, messages, m => m.Channel));
        command.Parameters.Add(ArrayParameter.Of("topics", NpgsqlDbType.Text, messages, m => m.Topic));
        command.Parameters.Add(ArrayParameter.Of("payloads", NpgsqlDbType.Text, messages, m => m.PayloadJson));
        command.Parameters.Add(ArrayParameter.Of("due", NpgsqlDbType.TimestampTz, messages, m => m.DueAt.UtcDateTime));
        await command.ExecuteNonQueryAsync();
    }
}
