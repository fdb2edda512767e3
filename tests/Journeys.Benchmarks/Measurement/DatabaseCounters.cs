using Npgsql;

namespace Journeys.Benchmarks.Measurement;

/// <summary>PostgreSQL's cumulative counters for the benchmark database: commits, WAL flushes and bytes.</summary>
public sealed record DatabaseCounters(long Commits, long WalSyncs, long WalBytes)
{
    public static async Task<DatabaseCounters> ReadAsync(NpgsqlDataSource database)
    {
        // Backends publish their counts about once a second: good enough over phases of many seconds.
        await using var command = database.CreateCommand("""
            SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
                   wal_sync, wal_bytes::bigint
            FROM pg_stat_wal
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public DatabaseCounters Minus(DatabaseCounters earlier) =>
        new(Commits - earlier.Commits, WalSyncs - earlier.WalSyncs, WalBytes - earlier.WalBytes);
}
