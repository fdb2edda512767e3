using System.Diagnostics;
using Journeys.Benchmarks.Measurement;
using Npgsql;
using NpgsqlTypes;

namespace Journeys.Benchmarks.Baselines;

/// <summary>
/// The naive path: every event is its own committed INSERT (one transaction, one WAL flush
/// each), from many concurrent tasks: what writing per event costs before any grain logic.
/// </summary>
public static class SingleRowInsertBaseline
{
    private const string Table = "journal_naive_baseline";

    public static async Task<ResultRow> RunAsync(NpgsqlDataSource database, IReadOnlyList<JournalRow> rows, int tasks, TimeSpan duration)
    {
        await JournalRow.CreateJournalCopyAsync(database, Table);
        var latency = new LatencyRecorder();
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, tasks).Select(async _ =>
        {
            await Task.Yield();
            await using var connection = await database.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {Table} ({JournalRow.Columns}) VALUES (@m, @p, @k, @i, @t, @e, @o, @r, @d)", connection);
            var parameters = new[]
            {
                insert.Parameters.Add("m", NpgsqlDbType.Text), insert.Parameters.Add("p", NpgsqlDbType.Smallint),
                insert.Parameters.Add("k", NpgsqlDbType.Text), insert.Parameters.Add("i", NpgsqlDbType.Text),
                insert.Parameters.Add("t", NpgsqlDbType.Text), insert.Parameters.Add("e", NpgsqlDbType.Text),
                insert.Parameters.Add("o", NpgsqlDbType.TimestampTz), insert.Parameters.Add("r", NpgsqlDbType.TimestampTz),
                insert.Parameters.Add("d", NpgsqlDbType.Jsonb),
            };
            await insert.PrepareAsync();
            int n;
            while (Stopwatch.GetTimestamp() < deadline && (n = Interlocked.Increment(ref next)) < rows.Count)
            {
                var row = rows[n];
                object?[] values = [row.MessageId, row.Partition, row.ProfileKind, row.ProfileId, row.Type, row.Event, row.OccurredAt, row.ReceivedAt, row.Payload];
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }
                var sentAt = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync();
                latency.RecordSince(sentAt);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var summary = latency.Summarize();
        return new ResultRow(
            "(b) naive: one committed INSERT per event",
            summary.Count / elapsed.TotalSeconds,
            summary,
            $"{tasks} concurrent tasks, {summary.Count:N0} events in {elapsed.TotalSeconds:F0} s");
    }
}
