using System.Diagnostics;
using Journeys.Benchmarks.Measurement;
using Npgsql;
using NpgsqlTypes;

namespace Journeys.Benchmarks.Baselines;

/// <summary>
/// The floor under any ingestion path: binary COPY of the very rows the gateway stored, into an
/// identical table, one committed COPY per group of the journal writer's maximum size, on one
/// connection. No HTTP, no parsing, no conflict check, no RETURNING.
/// </summary>
public static class CopyBaseline
{
    private const string Table = "journal_copy_baseline";

    public static async Task<ResultRow> RunAsync(NpgsqlDataSource database, IReadOnlyList<JournalRow> rows, int rowsPerCopy)
    {
        await JournalRow.CreateJournalCopyAsync(database, Table);
        var latency = new LatencyRecorder();
        await using var connection = await database.OpenConnectionAsync();
        var start = Stopwatch.GetTimestamp();
        foreach (var chunk in rows.Chunk(rowsPerCopy))
        {
            var chunkStart = Stopwatch.GetTimestamp();
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({JournalRow.Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in chunk)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(row.MessageId, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.Partition, NpgsqlDbType.Smallint);
                    await importer.WriteAsync(row.ProfileKind, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.ProfileId, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.Type, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.Event, NpgsqlDbType.Text);
                    await importer.WriteAsync(row.OccurredAt, NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(row.Payload, NpgsqlDbType.Json);
                }
                await importer.CompleteAsync();
            }
            latency.RecordSince(chunkStart);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new ResultRow(
            "(a) raw binary COPY, same rows",
            rows.Count / elapsed.TotalSeconds,
            latency.Summarize(),
            $"{rows.Count:N0} rows, one COPY per {rowsPerCopy:N0} rows; latency is per COPY");
    }
}
