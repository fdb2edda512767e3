using System.Diagnostics;
using Journeys.Benchmarks.Measurement;
using Journeys.Storage.Journal;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journeys.Benchmarks.Baselines;

/// <summary>
/// The product's journal writer on its own: the same rows appended in requests of the batch size
/// by concurrent callers, into a fresh database on the same server, without HTTP, parsing or
/// silos applying events. The gap to the HTTP figures is what the rest of the system costs.
/// </summary>
public static class JournalWriterBaseline
{
    public static async Task<ResultRow> RunAsync(PostgresServer server, IReadOnlyList<JournalRow> rows, int batchSize, int callers, TimeSpan duration)
    {
        var database = await MigratedDatabase.CreateAsync(server);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var options = new JournalOptions();
        var requests = rows
            .Select(r => new JournalEntry(r.MessageId, r.ProfileKind, r.ProfileId, r.Type, r.Event, r.OccurredAt, r.ReceivedAt, r.Payload))
            .Chunk(batchSize)
            .ToList();
        var latency = new LatencyRecorder();
        var next = -1;
        await using (var writer = new JournalWriter(dataSource, options, NullLogger<JournalWriter>.Instance))
        {
            var start = Stopwatch.GetTimestamp();
            var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var workers = Enumerable.Range(0, callers).Select(async _ =>
            {
                await Task.Yield();
                int i;
                while (Stopwatch.GetTimestamp() < deadline && (i = Interlocked.Increment(ref next)) < requests.Count)
                {
                    var sentAt = Stopwatch.GetTimestamp();
                    await writer.AppendAsync(requests[i]);
                    latency.RecordSince(sentAt);
                }
            });
            await Task.WhenAll(workers);
            var elapsed = Stopwatch.GetElapsedTime(start);
            var summary = latency.Summarize();
            var events = summary.Count * batchSize;
            return new ResultRow(
                "(c) JournalWriter alone, same rows",
                events / elapsed.TotalSeconds,
                summary,
                $"{callers} callers appending {batchSize}-event requests, no HTTP, no silos; {events:N0} events{(next >= requests.Count ? " (ran out of rows)" : "")}");
        }
    }
}
