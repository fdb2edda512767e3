using Npgsql;

namespace Journeys.Benchmarks.Baselines;

/// <summary>A journal row as the gateway wrote it, read back so the baselines write exactly the same data.</summary>
public sealed record JournalRow(
    string MessageId,
    short Partition,
    string ProfileKind,
    string ProfileId,
    string Type,
    string? Event,
    DateTime OccurredAt,
    DateTime ReceivedAt,
    string Payload)
{
    public const string Columns = "message_id, partition, profile_kind, profile_id, type, event, occurred_at, received_at, payload";

    public static async Task<IReadOnlyList<JournalRow>> ReadAsync(NpgsqlDataSource database, int limit)
    {
        var rows = new List<JournalRow>(limit);
        await using var command = database.CreateCommand(
            "SELECT message_id, partition, profile_kind, profile_id, type, event, occurred_at, received_at, payload::text FROM journal ORDER BY position LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new JournalRow(
                reader.GetString(0), reader.GetInt16(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetDateTime(6), reader.GetDateTime(7), reader.GetString(8)));
        }
        return rows;
    }

    /// <summary>An empty table shaped like the journal, with its identity, defaults, constraints and indexes.</summary>
    public static async Task CreateJournalCopyAsync(NpgsqlDataSource database, string table)
    {
        await using var command = database.CreateCommand($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (LIKE journal INCLUDING ALL)");
        await command.ExecuteNonQueryAsync();
    }
}
