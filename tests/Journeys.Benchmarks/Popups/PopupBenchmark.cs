using System.Diagnostics;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;

namespace Journeys.Benchmarks.Popups;

/// <summary>
/// Event -> popup latency: visitors connected to the gateway's hub, trigger events sent through the
/// ingestion API at a fixed rate, each answered by a popup on that visitor's connection; timed from
/// when each event was due to be sent until its popup arrives. Then, in the same run, a bare
/// SignalR echo with the same connections and rate as the floor.
/// </summary>
public sealed class PopupBenchmark(PopupBenchmarkOptions options, Action<string> log)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WarmupDrainTimeout = TimeSpan.FromSeconds(60);

    public async Task<PopupReport> RunAsync()
    {
        // Half the rate: the warm-up is for the JIT and the caches, and must not leave a queue to the measured phase.
        var warmupRate = Math.Max(1, options.Rate / 2);
        var warmup = warmupRate * options.WarmupSeconds;
        var measured = options.Rate * options.Seconds;
        var total = warmup + measured;

        log($"starting PostgreSQL and {options.Topology.Describe()}");
        await using var cluster = await BenchmarkCluster.StartAsync(topology: options.Topology);
        var machine = await MachineInfo.ReadAsync(cluster);
        await PopupJourney.PublishAsync(cluster);

        await using var committer = await CommitFloor.StartAsync(cluster.DataSource);
        var popups = new ArrivalLog(total);
        log($"connecting {options.Visitors} visitors");
        PopupPhase product;
        DatabaseCounters database;
        LatencySummary commitsUnderLoad;
        await using (var fleet = await VisitorFleet.ConnectAsync(cluster, options.Visitors, popups))
        using (var sender = new BatchSender(cluster.GatewayUrl, BenchmarkCluster.WriteKey, connections: 16))
        {
            var runId = Guid.NewGuid().ToString("N")[..8];
            async Task SendGroup(long from, int size)
            {
                await SendOrThrowAsync(sender, PingBatches.Body(runId, from, size, options.Visitors));
                popups.Acknowledged(from);
            }
            log($"warm-up: {warmupRate}/s for {options.WarmupSeconds} s");
            await FixedRateDriver.RunAsync(popups, 0, warmup, warmupRate, options.BatchSize, SendGroup);
            await popups.DrainAsync(warmup, WarmupDrainTimeout);
            log($"event -> popup: {options.Rate}/s for {options.Seconds} s");
            var databaseBefore = await DatabaseCounters.ReadAsync(cluster.DataSource);
            using var stopProbe = new CancellationTokenSource();
            var probe = ProbeCommitsAsync(committer, options.BatchSize, stopProbe.Token);
            product = await MeasureAsync("event -> popup", popups, warmup, measured, await cluster.CpuSamplerAsync(),
                () => FixedRateDriver.RunAsync(popups, warmup, measured, options.Rate, options.BatchSize, SendGroup));
            await stopProbe.CancelAsync();
            commitsUnderLoad = await probe;
            database = (await DatabaseCounters.ReadAsync(cluster.DataSource)).Minus(databaseBefore);
        }

        var echoes = new ArrivalLog(total);
        log($"bare SignalR echo with {options.Visitors} connections: {options.Rate}/s for {options.Seconds} s");
        PopupPhase floor;
        await using (var echo = await EchoFloor.StartAsync(options.Visitors, echoes))
        {
            Task SendGroup(long from, int size) => Task.WhenAll(Enumerable.Range(0, size).Select(i => echo.SendAsync(from + i)));
            await FixedRateDriver.RunAsync(echoes, 0, warmup, warmupRate, options.BatchSize, SendGroup);
            await echoes.DrainAsync(warmup, WarmupDrainTimeout);
            floor = await MeasureAsync("bare SignalR echo (floor)", echoes, warmup, measured, await cluster.CpuSamplerAsync(),
                () => FixedRateDriver.RunAsync(echoes, warmup, measured, options.Rate, options.BatchSize, SendGroup));
        }

        var commits = new ArrivalLog(total);
        log($"bare durable commits of {options.BatchSize} rows: {options.Rate / options.BatchSize}/s for {options.Seconds} s");
        PopupPhase commitFloor;
        {
            async Task SendGroup(long from, int size)
            {
                await committer.CommitAsync(from, size);
                for (var n = from; n < from + size; n++)
                {
                    commits.Arrived(n, 0, 0);
                }
            }
            // A short warm-up: nothing here needs the JIT or caches warm beyond the connection pool.
            var commitWarmup = Math.Min(warmup, warmupRate * 5);
            await FixedRateDriver.RunAsync(commits, 0, commitWarmup, warmupRate, options.BatchSize, SendGroup);
            await commits.DrainAsync(commitWarmup, WarmupDrainTimeout);
            commitFloor = await MeasureAsync("bare durable commit (floor)", commits, commitWarmup, measured, await cluster.CpuSamplerAsync(),
                () => FixedRateDriver.RunAsync(commits, commitWarmup, measured, options.Rate, options.BatchSize, SendGroup));
        }
        return new PopupReport(options, machine, product, floor, commitFloor, commitsUnderLoad, database);
    }

    /// <summary>
    /// Bare durable commits beside the popups, 10 a second, timed from when each was due: what PostgreSQL and the
    /// disk make of a commit under this load, without the gateway's queue and thread pool in front of it.
    /// </summary>
    private static async Task<LatencySummary> ProbeCommitsAsync(CommitFloor committer, int rows, CancellationToken stop)
    {
        var latency = new LatencyRecorder();
        var interval = Stopwatch.Frequency / 10;
        var start = Stopwatch.GetTimestamp();
        // Numbered far above the floor phase's rows: both go into one table.
        for (long k = 0; !stop.IsCancellationRequested; k++)
        {
            var due = start + k * interval;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
            await committer.CommitAsync(1_000_000_000_000 + k * rows, rows);
            latency.RecordSince(due);
        }
        return latency.Summarize();
    }

    private static async Task<PopupPhase> MeasureAsync(string name, ArrivalLog arrivals, int first, int count, CpuSampler cpu, Func<Task<int>> run)
    {
        arrivals.MeasureFrom(first);
        var before = cpu.Sample();
        var started = Stopwatch.GetTimestamp();
        var failed = await run();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cores = CpuSampler.CoresUsed(before, cpu.Sample(), elapsed);
        await arrivals.DrainAsync(first + count, DrainTimeout);
        var (sent, arrived, repeated) = arrivals.Count(first, first + count);
        return new PopupPhase(name, sent, arrived, repeated, arrivals.Misdelivered, failed, sent / elapsed.TotalSeconds, arrivals.Summarize(), arrivals.SummarizeAcks(), cores);
    }

    private static async Task SendOrThrowAsync(BatchSender sender, byte[] body)
    {
        var outcome = await sender.SendAsync(body);
        if (outcome.Error is { } error)
        {
            throw new HttpRequestException(error);
        }
    }
}
