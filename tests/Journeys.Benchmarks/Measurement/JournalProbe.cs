using System.Diagnostics;
using Npgsql;

namespace Journeys.Benchmarks.Measurement;

/// <summary>Reads the journal from outside: what was stored, how it was grouped, how far profiles have applied it.</summary>
public sealed class JournalProbe(NpgsqlDataSource database)
{
    public async Task<long> LastPositionAsync() => await ScalarAsync<long?>("SELECT max(position) FROM journal") ?? 0;

    public async Task<long> CountRowsAsync() => await ScalarAsync<long>("SELECT count(*) FROM journal");

    /// <summary>Rows and distinct writing transactions in a position range: the achieved group-commit size.</summary>
    public async Task<(long Rows, long Commits)> GroupingAsync(long afterPosition, long upToPosition)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*), count(DISTINCT txid) FROM journal WHERE position > @after AND position <= @upto");
        command.Parameters.AddWithValue("after", afterPosition);
        command.Parameters.AddWithValue("upto", upToPosition);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Events committed but not yet behind their partition's checkpoint (applied and saved).</summary>
    public async Task<long> BacklogAsync() => await ScalarAsync<long>("""
        SELECT count(*) FROM journal j LEFT JOIN journal_checkpoint c USING (partition)
        WHERE j.position > coalesce(c.position, 0)
        """);

    /// <summary>
    /// Waits until every partition's checkpoint has reached its last journal row, i.e. every
    /// profile has applied and saved every event; returns how long that took.
    /// </summary>
    public async Task<TimeSpan?> WaitUntilAppliedAsync(TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        var lastByPartition = await PositionsAsync("SELECT partition, max(position) FROM journal GROUP BY partition");
        while (Stopwatch.GetElapsedTime(start) < timeout)
        {
            var checkpoints = await PositionsAsync("SELECT partition, position FROM journal_checkpoint");
            if (lastByPartition.All(p => checkpoints.GetValueOrDefault(p.Key) >= p.Value))
            {
                return Stopwatch.GetElapsedTime(start);
            }
            await Task.Delay(100);
        }
        return null;
    }

    private async Task<Dictionary<short, long>> PositionsAsync(string sql)
    {
        var positions = new Dictionary<short, long>();
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            positions[reader.GetInt16(0)] = reader.GetInt64(1);
        }
        return positions;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
