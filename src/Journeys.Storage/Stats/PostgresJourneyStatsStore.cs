using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage.Stats;

/// <summary>Journey counters in <c>journey_node_stats</c>; a batch of deltas is one upsert statement.</summary>
public sealed class PostgresJourneyStatsStore(NpgsqlDataSource dataSource) : IJourneyStatsStore
{
    // GROUP BY: ON CONFLICT may not touch a row twice, and a batch can hold one node twice.
    // ORDER BY: buffers on several silos lock rows in the same order, so their upserts cannot deadlock.
    private const string UpsertSql = """
        INSERT INTO journey_node_stats AS s (journey_id, version, node_id, entered, passed, exited, converted, suppressed, waiting)
        SELECT j, v, n, sum(e), sum(p), sum(x), sum(c), sum(s), sum(w)
        FROM unnest(@journeys, @versions, @nodes, @entered, @passed, @exited, @converted, @suppressed, @waiting)
             AS delta(j, v, n, e, p, x, c, s, w)
        GROUP BY j, v, n
        ORDER BY j, v, n
        ON CONFLICT (journey_id, version, node_id) DO UPDATE SET
            entered    = s.entered    + excluded.entered,
            passed     = s.passed     + excluded.passed,
            exited     = s.exited     + excluded.exited,
            converted  = s.converted  + excluded.converted,
            suppressed = s.suppressed + excluded.suppressed,
            waiting    = s.waiting    + excluded.waiting,
            updated_at = now()
        """;

    private const string ReadSql = """
        SELECT version, node_id, entered, passed, exited, converted, suppressed, waiting
        FROM journey_node_stats
        WHERE journey_id = @journey
        ORDER BY version, node_id
        """;

    public async Task AddAsync(IReadOnlyList<NodeStatDelta> deltas, CancellationToken cancellationToken = default)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(ArrayParameter.Of("journeys", NpgsqlDbType.Text, deltas, d => d.JourneyId));
        command.Parameters.Add(ArrayParameter.Of("versions", NpgsqlDbType.Integer, deltas, d => d.Version));
        command.Parameters.Add(ArrayParameter.Of("nodes", NpgsqlDbType.Text, deltas, d => d.NodeId));
        command.Parameters.Add(ArrayParameter.Of("entered", NpgsqlDbType.Bigint, deltas, d => d.Entered));
        command.Parameters.Add(ArrayParameter.Of("passed", NpgsqlDbType.Bigint, deltas, d => d.Passed));
        command.Parameters.Add(ArrayParameter.Of("exited", NpgsqlDbType.Bigint, deltas, d => d.Exited));
        command.Parameters.Add(ArrayParameter.Of("converted", NpgsqlDbType.Bigint, deltas, d => d.Converted));
        command.Parameters.Add(ArrayParameter.Of("suppressed", NpgsqlDbType.Bigint, deltas, d => d.Suppressed));
        command.Parameters.Add(ArrayParameter.Of("waiting", NpgsqlDbType.Bigint, deltas, d => d.Waiting));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NodeStatDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("journey", journeyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<NodeStatDelta>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeStatDelta(journeyId, reader.GetInt32(0), reader.GetString(1),
                reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }
        return rows;
    }
}
