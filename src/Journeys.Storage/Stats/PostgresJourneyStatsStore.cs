using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage.Stats;

public sealed class PostgresJourneyStatsStore(NpgsqlDataSource dataSource) : IJourneyStatsStore
{
    private const string AddSql = """
        INSERT INTO journey_node_stats (journey_id, version, node_id, entered, passed, exited, converted, suppressed, waiting)
        SELECT * FROM unnest(@journeys, @versions, @nodes, @entered, @passed, @exited, @converted, @suppressed, @waiting)
        ON CONFLICT (journey_id, version, node_id) DO UPDATE SET
            entered = journey_node_stats.entered + excluded.entered,
            passed = journey_node_stats.passed + excluded.passed,
            exited = journey_node_stats.exited + excluded.exited,
            converted = journey_node_stats.converted + excluded.converted,
            suppressed = journey_node_stats.suppressed + excluded.suppressed,
            waiting = journey_node_stats.waiting + excluded.waiting,
            updated_at = now()
        """;

    public async Task AddAsync(IReadOnlyList<NodeStatDelta> deltas, CancellationToken cancellationToken = default)
    {
        if (deltas.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand(AddSql);
        command.Parameters.Add(new NpgsqlParameter("journeys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = deltas.Select(d => d.JourneyId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = deltas.Select(d => d.Version).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("nodes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = deltas.Select(d => d.NodeId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("entered", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Entered).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("passed", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Passed).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("exited", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Exited).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("converted", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Converted).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("suppressed", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Suppressed).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("waiting", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Waiting).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NodeStatDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT version, node_id, entered, passed, exited, converted, suppressed, waiting FROM journey_node_stats WHERE journey_id = @journey ORDER BY version, node_id");
        command.Parameters.AddWithValue("journey", journeyId);
        var rows = new List<NodeStatDelta>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeStatDelta(journeyId, reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }
        return rows;
    }
}
