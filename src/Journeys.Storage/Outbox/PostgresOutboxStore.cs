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

    private const string EraseSql = $"""
        UPDATE outbox SET
            payload = '{OutboxMessage.ErasedPayload}',
            status = CASE WHEN status IN ('queued', 'retrying') THEN '{OutboxStatus.Suppressed}' ELSE status END,
            last_error = CASE WHEN status IN ('queued', 'retrying') THEN '{OutboxOutcome.Erased}' WHEN status = '{OutboxStatus.Suppressed}' THEN last_error END,
            finished_at = coalesce(finished_at, @now), lease_owner = NULL, lease_until = NULL
        WHERE profile_kind = @kind AND profile_id = @id AND payload <> '{OutboxMessage.ErasedPayload}'
        """;

    // coalesce keeps the first time: a pixel loaded again or a second click changes nothing.
    private const string EngagementSql = $"""
        UPDATE outbox o SET
            opened_at       = CASE WHEN e.opened       THEN coalesce(o.opened_at, @at)       ELSE o.opened_at END,
            clicked_at      = CASE WHEN e.clicked      THEN coalesce(o.clicked_at, @at)      ELSE o.clicked_at END,
            unsubscribed_at = CASE WHEN e.unsubscribed THEN coalesce(o.unsubscribed_at, @at) ELSE o.unsubscribed_at END,
            bounced_at      = CASE WHEN e.bounced      THEN coalesce(o.bounced_at, @at)      ELSE o.bounced_at END
        FROM (SELECT k, bool_or(kind = '{OutboxEngagement.Opened}') AS opened, bool_or(kind = '{OutboxEngagement.Clicked}') AS clicked,
                     bool_or(kind = '{OutboxEngagement.Unsubscribed}') AS unsubscribed, bool_or(kind = '{OutboxEngagement.Bounced}') AS bounced
              FROM unnest(@keys, @kinds) AS incoming(k, kind)
              GROUP BY k
              ORDER BY k) AS e
        WHERE o.dedupe_key = e.k
        """;

    // Served by the index outbox_journey_outcomes: it reads the journey's rows, not the table.
    private const string OutcomesSql = $"""
        SELECT node_id, status,
               CASE WHEN status = '{OutboxStatus.Suppressed}' OR (status = '{OutboxStatus.Retrying}' AND last_error = '{OutboxOutcome.QuietHours}')
                    THEN last_error END AS reason,
               count(*), count(opened_at), count(clicked_at), count(unsubscribed_at), count(bounced_at)
        FROM outbox
        WHERE journey_id = @journey
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
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

    public async Task<int> EraseAsync(string profileKind, string profileId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(EraseSql);
        command.Parameters.AddWithValue("kind", profileKind);
        command.Parameters.AddWithValue("id", profileId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<OutboxRow?> FindAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {OutboxRows.Columns} FROM outbox WHERE dedupe_key = @key");
        command.Parameters.AddWithValue("key", dedupeKey);
        return (await OutboxRows.ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task RecordEngagementAsync(IReadOnlyList<OutboxEngagement> engagements, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (engagements.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand(EngagementSql);
        command.Parameters.Add(ArrayParameter.Of("keys", NpgsqlDbType.Text, engagements, e => e.DedupeKey));
        command.Parameters.Add(ArrayParameter.Of("kinds", NpgsqlDbType.Text, engagements, e => e.Kind));
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxOutcome>> ReadOutcomesAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(OutcomesSql);
        command.Parameters.AddWithValue("journey", journeyId);
        var outcomes = new List<OutboxOutcome>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes.Add(new OutboxOutcome(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }
        return outcomes;
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
