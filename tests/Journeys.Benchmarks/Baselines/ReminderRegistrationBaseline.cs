using System.Diagnostics;
using Npgsql;

namespace Journeys.Benchmarks.Baselines;

/// <summary>
/// What a reminder per waiting profile costs to write: the AdoNet reminder table's own upsert
/// (read from OrleansQuery, as the reminder service runs it), one committed statement per reminder
/// from many concurrent tasks, under a service id of its own that no silo reads; removed afterwards.
/// </summary>
public static class ReminderRegistrationBaseline
{
    private const string ServiceId = "reminder-baseline";
    private const int Tasks = 32;

    /// <returns>Reminders written per second.</returns>
    public static async Task<double> RunAsync(NpgsqlDataSource database, int reminders)
    {
        string upsert;
        await using (var query = database.CreateCommand("SELECT querytext FROM orleansquery WHERE querykey = 'UpsertReminderRowKey'"))
        {
            upsert = (string)(await query.ExecuteScalarAsync())!;
        }
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(async _ =>
        {
            await Task.Yield();
            int n;
            while ((n = Interlocked.Increment(ref next)) < reminders)
            {
                await using var command = database.CreateCommand(upsert);
                command.Parameters.AddWithValue("ServiceId", ServiceId);
                command.Parameters.AddWithValue("GrainId", $"customer/baseline-{n}");
                command.Parameters.AddWithValue("ReminderName", "journeys");
                command.Parameters.AddWithValue("StartTime", DateTime.UtcNow.AddHours(1));
                command.Parameters.AddWithValue("Period", 60_000L);
                command.Parameters.AddWithValue("GrainHash", (int)(n * 2654435761L % int.MaxValue));
                await command.ExecuteScalarAsync();
            }
        }));
        var rate = reminders / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await using var cleanup = database.CreateCommand("DELETE FROM orleans_reminders WHERE service_id = @service");
        cleanup.Parameters.AddWithValue("service", ServiceId);
        await cleanup.ExecuteNonQueryAsync();
        return rate;
    }
}
