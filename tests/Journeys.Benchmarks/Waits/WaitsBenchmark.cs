using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Journeys.Benchmarks.Baselines;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;

namespace Journeys.Benchmarks.Waits;

/// <summary>
/// Pending waits at scale: N profiles each parked on a wait due within a spread window, created through
/// the ingestion API (in chunks, the silos restarted between them, so that at most a chunk is active);
/// the silos are then restarted (nothing of those profiles is in memory) and every
/// due step must run from what is stored. Reports Orleans reminders used, silo memory, creation time,
/// the lateness of each due step (its outbox row's creation against its due time) and steps lost.
/// Baseline in the same run: the reminder table's one-statement-per-reminder write rate.
/// </summary>
public sealed class WaitsBenchmark(WaitsBenchmarkOptions options, Action<string> log)
{
    private const int Senders = 8;
    /// <summary>How long a count may stand still before the run stops waiting for it.</summary>
    private static readonly TimeSpan Stalled = TimeSpan.FromMinutes(1);

    public async Task<WaitsReport> RunAsync()
    {
        log("starting PostgreSQL, 2 silos (dispatcher off) and the gateway");
        await using var cluster = await BenchmarkCluster.StartAsync(new Dictionary<string, string?> { ["Delivery__Dispatch__Enabled"] = "false" });
        var machine = await MachineInfo.ReadAsync(cluster);
        await WaitJourney.PublishAsync(cluster);
        var idle = SiloMemory(cluster);

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var batches = new WaitBatches(Guid.NewGuid().ToString("N")[..8], started.AddSeconds(options.LeadSeconds), TimeSpan.FromSeconds(options.WindowSeconds), options.Profiles);
        log($"creating {options.Profiles:N0} waiting profiles, first due at +{options.LeadSeconds} s, spread over {options.WindowSeconds} s");
        var (acked, waiting) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var from = 0; from < options.Profiles; from += options.Chunk)
        {
            if (from > 0)
            {
                log($"restarting the silos: the {from:N0} profiles created so far leave memory");
                await cluster.RestartSilosAsync();
            }
            var size = Math.Min(options.Chunk, options.Profiles - from);
            var chunk = Stopwatch.StartNew();
            await SendAllAsync(cluster, batches, from, size);
            acked += chunk.Elapsed;
            log($"profiles {from:N0} to {from + size - 1:N0} acknowledged after {chunk.Elapsed.TotalSeconds:F1} s");
            await PollAsync(() => CountAsync(cluster, $"SELECT coalesce(sum(waiting), 0)::bigint FROM journey_node_stats WHERE journey_id = '{WaitJourney.Id}' AND node_id = '{WaitJourney.WaitNode}'"),
                from + size, DateTimeOffset.UtcNow, "waiting profiles");
            waiting += chunk.Elapsed;
        }
        var reminders = await CountAsync(cluster, "SELECT count(*) FROM orleans_reminders");
        var created = SiloMemory(cluster);

        log("restarting the silos: no waiting profile is left in memory");
        await cluster.RestartSilosAsync();
        var restarted = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var afterRestart = SiloMemory(cluster);

        var lastDue = batches.DueAt(options.Profiles - 1);
        log($"waiting for the due steps (last due {lastDue:HH:mm:ss} UTC)");
        var peak = await WatchPeakMemoryAsync(cluster,
            () => PollAsync(() => CountAsync(cluster, $"SELECT count(DISTINCT profile_id) FROM outbox WHERE journey_id = '{WaitJourney.Id}'"), options.Profiles, lastDue, "due steps run"));
        var (lateness, ran, duplicates) = await LatenessAsync(cluster, batches);

        // A rate: 100,000 rows measure it as well as a million, in a tenth of the time.
        var baselineRows = Math.Min(options.Profiles, 100_000);
        log($"baseline: {baselineRows:N0} reminders registered one statement each");
        var reminderRate = await ReminderRegistrationBaseline.RunAsync(cluster.DataSource, baselineRows);
        return new WaitsReport(options, machine, acked, waiting, restarted > TimeSpan.FromSeconds(options.LeadSeconds), reminders,
            idle, created, afterRestart, peak, LatencySummary.From(lateness), options.Profiles - ran, duplicates, reminderRate);
    }

    private async Task SendAllAsync(BenchmarkCluster cluster, WaitBatches batches, int first, int count)
    {
        using var sender = new BatchSender(cluster.GatewayUrl, BenchmarkCluster.WriteKey, Senders);
        var end = first + count;
        var starts = Enumerable.Range(0, (count + options.BatchSize - 1) / options.BatchSize).Select(b => first + b * options.BatchSize);
        await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (from, cancellation) =>
        {
            var body = batches.Body(from, Math.Min(options.BatchSize, end - from));
            // The same messageIds again: a retried batch is deduplicated by the gateway.
            for (var attempt = 1; (await sender.SendAsync(body)).Error is { } error; attempt++)
            {
                if (attempt == 5)
                {
                    throw new HttpRequestException(error);
                }
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellation);
            }
        });
    }

    /// <summary>Per profile, from its due time to its step's outbox row; counts profiles that ran and extra rows.</summary>
    private static async Task<(LongHistogram Micros, int Ran, long Duplicates)> LatenessAsync(BenchmarkCluster cluster, WaitBatches batches)
    {
        var micros = new LongHistogram(1, (long)TimeSpan.FromHours(1).TotalMicroseconds, 3);
        var profiles = new HashSet<string>();
        long rows = 0;
        await using var command = cluster.DataSource.CreateCommand("SELECT profile_id, created_at FROM outbox WHERE journey_id = @journey AND node_id = @node");
        command.Parameters.AddWithValue("journey", WaitJourney.Id);
        command.Parameters.AddWithValue("node", WaitJourney.StepNode);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var profile = reader.GetString(0);
            rows++;
            profiles.Add(profile);
            var due = batches.DueAt(int.Parse(profile["wait-".Length..], CultureInfo.InvariantCulture));
            var late = reader.GetFieldValue<DateTimeOffset>(1) - due;
            micros.RecordValue(Math.Clamp((long)late.TotalMicroseconds, 1, micros.HighestTrackableValue));
        }
        return (micros, profiles.Count, rows - profiles.Count);
    }

    private static async Task<long> CountAsync(BenchmarkCluster cluster, string sql)
    {
        await using var command = cluster.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until the count reaches <paramref name="expected"/>, or stands still for a minute after <paramref name="notBefore"/>.</summary>
    private async Task PollAsync(Func<Task<long>> count, long expected, DateTimeOffset notBefore, string what)
    {
        var seen = await count();
        var moved = DateTimeOffset.UtcNow;
        while (seen < expected && (DateTimeOffset.UtcNow < notBefore || DateTimeOffset.UtcNow - moved < Stalled))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await count();
            if (now != seen)
            {
                (seen, moved) = (now, DateTimeOffset.UtcNow);
            }
        }
        log($"{what}: {seen:N0} of {expected:N0}");
    }

    private static long SiloMemory(BenchmarkCluster cluster) => cluster.Silos.Sum(s => ProcessMemory.ResidentBytes(s.Id));

    /// <summary>The highest resident memory of the silos together while <paramref name="run"/> runs, sampled every second.</summary>
    private static async Task<long> WatchPeakMemoryAsync(BenchmarkCluster cluster, Func<Task> run)
    {
        var peak = SiloMemory(cluster);
        var running = run();
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1))) != running)
        {
            peak = Math.Max(peak, SiloMemory(cluster));
        }
        await running;
        return Math.Max(peak, SiloMemory(cluster));
    }
}
