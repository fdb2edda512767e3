using System.Diagnostics;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;
using Npgsql;

namespace Journeys.Benchmarks.Mixed;

/// <summary>
/// Issue 7's realistic scenario: airline and toll-road traffic at a fixed rate through the HTTP
/// batch API with the ten sample journeys live and their messages delivered to a real SMTP server
/// and recording SMS / push / Telegram services; then whether every step's message left once.
/// </summary>
public sealed class MixedBenchmark(MixedBenchmarkOptions options, Action<string> log)
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);
    private readonly string runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<MixedReport> RunAsync()
    {
        log("starting an SMTP server, recording providers, PostgreSQL, 2 silos and the gateway");
        await using var sinks = await DeliverySinks.StartAsync();
        await using var cluster = await BenchmarkCluster.StartAsync(sinks.Settings);
        var machine = await MachineInfo.ReadAsync(cluster);
        var cpu = await cluster.CpuSamplerAsync();
        var probe = new JournalProbe(cluster.DataSource);
        var journeys = await SampleJourneyPublisher.PublishAllAsync(cluster);
        log($"published {journeys.Count} sample journeys");
        using var sender = new BatchSender(cluster.GatewayUrl, BenchmarkCluster.WriteKey, connections: 256);
        var generator = new EventBatchGenerator(options.Profiles, runId, mix: TrafficMix.Journeys);

        log($"warm-up: {options.WarmupSeconds} s at {options.Rate:N0} events/s");
        await OpenLoopRun.RunAsync("warm-up", sender, Generate(generator, options.WarmupSeconds), options.BatchSize, options.Rate);
        await probe.WaitUntilAppliedAsync(CatchUpTimeout);

        var bodies = Generate(generator, options.Seconds);
        log($"mixed traffic: {options.Seconds} s at {options.Rate:N0} events/s ({bodies.Count:N0} requests)");
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var cpuBefore = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        var load = await OpenLoopRun.RunAsync("mixed traffic", sender, bodies, options.BatchSize, options.Rate);
        var cores = CpuSampler.CoresUsed(cpuBefore, cpu.Sample(), Stopwatch.GetElapsedTime(started));
        bodies = [];
        var backlog = await probe.BacklogAsync();
        log($"  {load.EventsPerSecond:N0} events/s acked, p99 {load.AckLatency.P99:F1} ms, {load.FailedRequests} failed; {backlog:N0} not yet applied");
        var catchUp = await probe.WaitUntilAppliedAsync(CatchUpTimeout);
        log($"  applied {catchUp?.TotalSeconds:F1} s after the load; waiting for the outbox to drain");
        var drained = await WaitForOutboxAsync(cluster.DataSource);

        var outbox = await OutboxCountsAsync(cluster.DataSource);
        var steps = await JourneyStepsAsync(cluster.DataSource);
        var emails = await sinks.Smtp.EmailsAsync();
        var emailIds = emails.Select(e => e?["headers"]?["message-id"]?.GetValue<string>()).ToList();
        var calls = sinks.Providers.Calls;
        var deliveries = new DeliveryTally(
            emails.Count,
            emailIds.Count - emailIds.Distinct(StringComparer.Ordinal).Count(),
            calls.Count(c => c.Path.StartsWith("/sms/", StringComparison.Ordinal)),
            calls.Count(c => c.Path.StartsWith("/fcm/", StringComparison.Ordinal)),
            calls.Count(c => c.Path.StartsWith("/telegram/", StringComparison.Ordinal)),
            calls.Where(c => c.IdempotencyKey is not null).GroupBy(c => c.IdempotencyKey).Count(g => g.Count() > 1));
        return new MixedReport(options, machine, load, cores, backlog, catchUp, drained, steps, outbox, deliveries);
    }

    private List<byte[]> Generate(EventBatchGenerator generator, int seconds) =>
        [.. Enumerable.Range(0, Math.Max(1, options.Rate * seconds / options.BatchSize)).Select(_ => generator.NextBatch(options.BatchSize))];

    /// <summary>Rows that were due by now and are still to send; later ones (quiet hours) are not the run's business.</summary>
    private static async Task<TimeSpan?> WaitForOutboxAsync(NpgsqlDataSource database)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < DrainTimeout)
        {
            await using var command = database.CreateCommand("SELECT count(*) FROM outbox WHERE status IN ('queued', 'retrying') AND due_at <= now()");
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return Stopwatch.GetElapsedTime(start);
            }
            await Task.Delay(200);
        }
        return null;
    }

    private static async Task<IReadOnlyList<OutboxCount>> OutboxCountsAsync(NpgsqlDataSource database)
    {
        var counts = new List<OutboxCount>();
        await using var command = database.CreateCommand("""
            SELECT channel, status, count(*), count(DISTINCT dedupe_key), coalesce(min(last_error) FILTER (WHERE status <> 'sent'), '')
            FROM outbox GROUP BY channel, status ORDER BY channel, status
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts.Add(new OutboxCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4)));
        }
        return counts;
    }

    private static async Task<IReadOnlyList<JourneySteps>> JourneyStepsAsync(NpgsqlDataSource database)
    {
        var steps = new List<JourneySteps>();
        await using var command = database.CreateCommand("""
            SELECT journey_id, sum(entered)::bigint, sum(waiting)::bigint, sum(exited)::bigint, sum(suppressed)::bigint, sum(converted)::bigint
            FROM journey_node_stats GROUP BY journey_id ORDER BY journey_id
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(new JourneySteps(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        return steps;
    }
}

public sealed record OutboxCount(string Channel, string Status, long Rows, long DistinctKeys, string ExampleReason);

public sealed record JourneySteps(string JourneyId, long NodesEntered, long WaitingNow, long Exited, long Suppressed, long Converted);

public sealed record DeliveryTally(int Emails, int RepeatedEmails, int SmsCalls, int PushCalls, int TelegramCalls, int RepeatedIdempotencyKeys);
