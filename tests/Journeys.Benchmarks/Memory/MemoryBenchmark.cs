using System.Diagnostics;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;
using Journeys.Contracts.Profiles;
using Npgsql;

namespace Journeys.Benchmarks.Memory;

/// <summary>
/// Issue 7's memory figures: customers are given typical state through the real pipeline (HTTP
/// ingestion, journal, profile grains, the sample journeys published), the cluster is stopped, and a
/// silo in this process activates them cold from PostgreSQL. The live heap after a forced full GC,
/// before and after, divided by the profiles activated, is the memory an idle profile costs.
/// </summary>
public sealed class MemoryBenchmark(MemoryBenchmarkOptions options, Action<string> log)
{
    private const int BatchSize = 100;
    internal static readonly TimeSpan IdleBeforeReading = TimeSpan.FromSeconds(10);
    private readonly string runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<MemoryReport> RunAsync()
    {
        log("starting PostgreSQL, 2 silos and the gateway");
        await using var cluster = await BenchmarkCluster.StartAsync();
        var machine = await MachineInfo.ReadAsync(cluster);
        var journeys = await SampleJourneyPublisher.PublishAllAsync(cluster);
        log($"published {journeys.Count} sample journeys");

        var seeded = await SeedAsync(cluster);
        var stored = await StoredStateAsync(cluster.DataSource);
        log($"stored customer state: {stored.Profiles:N0} profiles, {stored.MeanBytes:N0} bytes each on average");
        await cluster.StopHostsAsync();

        log("starting one silo in this process");
        await using var silo = await InProcessSilo.StartAsync(cluster.ConnectionString);
        var warmUp = Math.Min(1_000, options.Profiles / 10);
        await ActivateAsync(silo.Grains, 0, warmUp, null);
        // Start-up work (journal readers, catalogue copies, JIT of the activation path) settles first.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = HeapReading.Take();

        log($"activating {options.Profiles - warmUp:N0} profiles cold, {options.Concurrency} at a time");
        var latency = new LatencyRecorder();
        var started = Stopwatch.GetTimestamp();
        await ActivateAsync(silo.Grains, warmUp, options.Profiles, latency);
        var elapsed = Stopwatch.GetElapsedTime(started);
        log($"  {(options.Profiles - warmUp) / elapsed.TotalSeconds:N0} activations/s; idle {IdleBeforeReading.TotalSeconds:F0} s, then a full GC");
        var idleCores = await IdleCoresAsync(IdleBeforeReading);
        var after = HeapReading.Take();
        var active = await CustomerActivationsAsync(silo.Grains);
        log($"  {active:N0} customer activations; live heap {before.LiveBytes / 1048576.0:F1} -> {after.LiveBytes / 1048576.0:F1} MiB");

        // The same number of profiles with no state splits the figure into what Orleans and an empty
        // profile cost and what the typical state adds.
        await ActivateAsync(silo.Grains, options.Profiles, 2 * options.Profiles - warmUp, null, EmptyProfileId);
        await Task.Delay(IdleBeforeReading);
        var withEmpty = HeapReading.Take();
        log($"  with as many empty profiles: live heap {withEmpty.LiveBytes / 1048576.0:F1} MiB");

        return new MemoryReport(options, machine, seeded, stored, options.Profiles - warmUp, active, elapsed, latency.Summarize(), before, after, withEmpty, idleCores);
    }

    /// <summary>Cores this process (the silo and nothing calling it) used while the profiles sat idle: what idle activations cost.</summary>
    private static async Task<double> IdleCoresAsync(TimeSpan period)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(period);
        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Through the real pipeline, so the state is what the product keeps: traits, computed properties, segments, journeys, timeline.</summary>
    private async Task<LoadResult> SeedAsync(BenchmarkCluster cluster)
    {
        var events = options.Profiles * options.EventsPerProfile;
        log($"giving {options.Profiles:N0} customers typical state: {events:N0} events of the ingestion benchmark's mix");
        var generator = new EventBatchGenerator(options.Profiles, runId);
        var bodies = Enumerable.Range(0, Math.Max(1, events / BatchSize)).Select(_ => generator.NextBatch(BatchSize)).ToList();
        using var sender = new BatchSender(cluster.GatewayUrl, BenchmarkCluster.WriteKey, connections: 64);
        var result = await ClosedLoopRun.RunAsync("seed", sender, bodies, BatchSize, senders: 16, TimeSpan.FromHours(1));
        if (result.FailedRequests > 0)
        {
            throw new InvalidOperationException($"seeding failed: {result.FirstError}");
        }
        log($"  {result.AckedEvents:N0} events acked at {result.EventsPerSecond:N0}/s; waiting until every profile has applied and saved them");
        var applied = await new JournalProbe(cluster.DataSource).WaitUntilAppliedAsync(TimeSpan.FromMinutes(30))
            ?? throw new TimeoutException("profiles did not catch up with the journal in 30 minutes");
        log($"  applied {applied.TotalSeconds:F0} s after the last ack");
        return result;
    }

    private static string EmptyProfileId(int n) => "empty-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task ActivateAsync(IGrainFactory grains, int from, int to, LatencyRecorder? latency, Func<int, string>? id = null)
    {
        id ??= EventBatchGenerator.CustomerId;
        var next = from - 1;
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            await Task.Yield();
            int n;
            while ((n = Interlocked.Increment(ref next)) < to)
            {
                var sentAt = Stopwatch.GetTimestamp();
                await grains.GetGrain<ICustomerGrain>(id(n)).GetAsync();
                latency?.RecordSince(sentAt);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task<long> CustomerActivationsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("Customer", StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount);
    }

    private static async Task<StoredState> StoredStateAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*), coalesce(avg(octet_length(payload)), 0)::float8 FROM profile_state WHERE grain_id LIKE 'customer/c-%'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredState(reader.GetInt64(0), reader.GetDouble(1));
    }
}

public sealed record StoredState(long Profiles, double MeanBytes);
