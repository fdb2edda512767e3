using Npgsql;

namespace Journeys.Storage.Outbox;

/// <summary>Reads <see cref="OutboxRow"/>s from the columns every outbox query returns, in this order.</summary>
internal static class OutboxRows
{
    public const string Columns = "id, dedupe_key, profile_kind, profile_id, journey_id, version, node_id, channel, topic, payload::text, due_at, status, attempts, lease_owner, lease_until, last_error";

    public static async Task<List<OutboxRow>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = new OutboxMessage(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetString(6),
                reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10));
            rows.Add(new OutboxRow(
                reader.GetInt64(0), message, reader.GetString(11), reader.GetInt32(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                reader.IsDBNull(15) ? null : reader.GetString(15)));
        }
        return rows;
    }
}
