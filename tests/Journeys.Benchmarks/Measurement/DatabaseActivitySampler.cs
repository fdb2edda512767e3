using System.Globalization;
using Npgsql;

namespace Journeys.Benchmarks.Measurement;

/// <summary>
/// Samples pg_stat_activity while a phase runs: which statements the database is busy with and
/// what they wait on (WAL flush, locks, or nothing: on CPU). A poor man's profiler for PostgreSQL.
/// </summary>
public sealed class DatabaseActivitySampler(NpgsqlDataSource database)
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<(string Statement, string Wait), int> counts = [];
    private int samples;

    public async Task RunUntilAsync(CancellationToken stop)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            SELECT query, coalesce(wait_event_type || ':' || wait_event, 'on CPU'), backend_type
            FROM pg_stat_activity
            WHERE state = 'active' AND datname = current_database() AND pid <> pg_backend_pid()
            """, connection);
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    // An autovacuum worker's query names the table it vacuums: classified by its text it would pass for our statements.
                    var statement = reader.GetString(2) == "client backend" ? Classify(reader.GetString(0)) : reader.GetString(2);
                    var key = (statement, reader.GetString(1));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
            samples++;
            try
            {
                await Task.Delay(Period, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Per statement kind: mean number of backends running it, and its commonest waits.</summary>
    public string Summarize()
    {
        if (samples == 0)
        {
            return "no samples";
        }
        return string.Join("; ", counts
            .GroupBy(c => c.Key.Statement)
            .OrderByDescending(g => g.Sum(c => c.Value))
            .Select(g =>
            {
                var total = g.Sum(c => c.Value);
                var waits = g.OrderByDescending(c => c.Value).Take(3)
                    .Select(c => $"{c.Key.Wait} {100.0 * c.Value / total:F0}%");
                return string.Create(CultureInfo.InvariantCulture, $"{g.Key} {(double)total / samples:F2} ({string.Join(", ", waits)})");
            }));
    }

    private static string Classify(string query) => query switch
    {
        _ when query.Contains("INSERT INTO journal (", StringComparison.Ordinal) => "journal group commit",
        _ when query.Contains("profile_state", StringComparison.Ordinal) && query.Contains("UPDATE", StringComparison.Ordinal) => "profile state group write",
        _ when query.Contains("profile_state", StringComparison.Ordinal) => "profile state group read",
        _ when query.Contains("orleans_grain_state", StringComparison.Ordinal) && query.Contains("UPDATE", StringComparison.Ordinal) => "grain state write",
        _ when query.Contains("orleans_grain_state", StringComparison.Ordinal) => "grain state read",
        _ when query.Contains("journal_checkpoint", StringComparison.Ordinal) => "checkpoint",
        _ when query.Contains("FROM journal", StringComparison.Ordinal) => "partition read",
        _ => "other",
    };
}
