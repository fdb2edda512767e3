using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage.Stats;

/// <summary>Outcome counters in <c>journey_node_outcomes</c>; a batch of deltas is one upsert statement.</summary>
public sealed class PostgresJourneyOutcomeStore(NpgsqlDataSource dataSource) : IJourneyOutcomeStore
{
    // GROUP BY and ORDER BY for the same reasons as journey_node_stats: one row touched once, no deadlocks across silos.
    private const string UpsertSql = """
        INSERT INTO journey_node_outcomes AS o (journey_id, version, node_id, counter, outcome, count)
        SELECT j, v, n, c, x, sum(k)
        FROM unnest(@journeys, @versions, @nodes, @counters, @outcomes, @counts) AS delta(j, v, n, c, x, k)
        GROUP BY j, v, n, c, x
        ORDER BY j, v, n, c, x
        ON CONFLICT (journey_id, version, node_id, counter, outcome) DO UPDATE SET
            count = o.count + excluded.count,
            updated_at = now()
        """;

    private const string ReadSql = """
        SELECT version, node_id, counter, outcome, count
        FROM journey_node_outcomes
        WHERE journey_id = @journey
        ORDER BY version, node_id, counter, outcome
        """;

    public async Task AddAsync(IReadOnlyList<NodeOutcomeDelta> deltas, CancellationToken cancellationToken = default)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(ArrayParameter.Of("journeys", NpgsqlDbType.Text, deltas, d => d.JourneyId));
        command.Parameters.Add(ArrayParameter.Of("versions", NpgsqlDbType.Integer, deltas, d => d.Version));
        command.Parameters.Add(ArrayParameter.Of("nodes", NpgsqlDbType.Text, deltas, d => d.NodeId));
        command.Parameters.Add(ArrayParameter.Of("counters", NpgsqlDbType.Text, deltas, d => d.Counter));
        command.Parameters.Add(ArrayParameter.Of("outcomes", NpgsqlDbType.Text, deltas, d => d.Outcome));
        command.Parameters.Add(ArrayParameter.Of("counts", NpgsqlDbType.Bigint, deltas, d => d.Count));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NodeOutcomeDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("journey", journeyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<NodeOutcomeDelta>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeOutcomeDelta(journeyId, reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }
        return rows;
    }
}
