using Npgsql;

namespace Journeys.Benchmarks.Popups;

/// <summary>
/// The floor of a durable acknowledgement on this machine: the same number of rows per commit as the
/// product's requests carry, committed (fsync'd) into a table of their own at the same rate, nothing else
/// running. No popup can arrive sooner after its event than its event's commit.
/// </summary>
public sealed class CommitFloor : IAsyncDisposable
{
    private const string Table = "benchmark_commit_floor";
    private readonly NpgsqlDataSource database;

    private CommitFloor(NpgsqlDataSource database) => this.database = database;

    public static async Task<CommitFloor> StartAsync(NpgsqlDataSource database)
    {
        await using var create = database.CreateCommand($"CREATE TABLE IF NOT EXISTS {Table} (n bigint PRIMARY KEY, payload text NOT NULL)");
        await create.ExecuteNonQueryAsync();
        return new CommitFloor(database);
    }

    /// <summary>One transaction: rows numbered <paramref name="from"/> on, each with a payload the size of a trigger event's.</summary>
    public async Task CommitAsync(long from, int size)
    {
        await using var insert = database.CreateCommand($"INSERT INTO {Table} SELECT g, repeat('x', 400) FROM generate_series(@from::bigint, @from::bigint + @size - 1) g");
        insert.Parameters.AddWithValue("from", from);
        insert.Parameters.AddWithValue("size", size);
        await insert.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await using var drop = database.CreateCommand($"DROP TABLE IF EXISTS {Table}");
        await drop.ExecuteNonQueryAsync();
    }
}
