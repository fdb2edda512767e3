using System.Diagnostics;
using Journeys.Benchmarks.Baselines;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;
using Journeys.Engine.Events;
using Journeys.Storage.Journal;

namespace Journeys.Benchmarks;

/// <summary>
/// Issue 3's benchmark: durable HTTP ingestion at a fixed rate and at its ceiling, checked for
/// loss and for how fast profiles catch up, then the baselines on the same database in the same run.
/// </summary>
public sealed class IngestionBenchmark(BenchmarkOptions options, Action<string> log)
{
    // Enough for every baseline to run its full time at the rates seen here, without holding the whole journal in memory.
    private const int MaxBaselineRows = 500_000;
    private readonly string runId = Guid.NewGuid().ToString("N")[..8];
    private TimeSpan CatchUpTimeout => TimeSpan.FromSeconds(options.CatchUpSeconds);

    public async Task<IngestionReport> RunAsync()
    {
        log($"starting PostgreSQL and {options.Topology.Describe()}");
        await using var cluster = await BenchmarkCluster.StartAsync(siloNiceness: options.SiloNiceness, topology: options.Topology);
        var machine = await MachineInfo.ReadAsync(cluster);
        var cpu = await cluster.CpuSamplerAsync();
        var probe = new JournalProbe(cluster.DataSource);
        using var sender = new BatchSender(cluster.GatewayUrl, BenchmarkCluster.WriteKey, connections: 512);

        ValidateGenerator();

        var warmupRate = options.WarmupRate > 0 ? options.WarmupRate : options.Rate;
        log($"warm-up: {options.WarmupSeconds} s at {warmupRate:N0} events/s");
        var warmup = Generate("warmup", warmupRate * options.WarmupSeconds);
        await OpenLoopRun.RunAsync("warm-up", sender, warmup, options.BatchSize, warmupRate);
        await probe.WaitUntilAppliedAsync(CatchUpTimeout);

        var fixedBodies = Generate("fixed", options.Rate * options.Seconds);
        log($"fixed rate: {options.Seconds} s at {options.Rate:N0} events/s ({fixedBodies.Count:N0} requests)");
        var fixedRate = await MeasurePhaseAsync(cluster, cpu, probe, () =>
            OpenLoopRun.RunAsync("fixed rate", sender, fixedBodies, options.BatchSize, options.Rate));
        fixedBodies = [];
        Report(fixedRate);

        var closedSeconds = options.ClosedSeconds > 0 ? options.ClosedSeconds : options.Seconds;
        var closedBodies = Generate("closed", options.ClosedLoopCeiling * closedSeconds);
        log($"max throughput: {closedSeconds} s, {options.Senders} senders");
        var closedLoop = await MeasurePhaseAsync(cluster, cpu, probe, () =>
            ClosedLoopRun.RunAsync("max throughput", sender, closedBodies, options.BatchSize, options.Senders, TimeSpan.FromSeconds(closedSeconds)));
        closedBodies = [];
        Report(closedLoop);

        var rows = await JournalRow.ReadAsync(cluster.DataSource, MaxBaselineRows);
        log($"baseline (a): binary COPY of {rows.Count:N0} journal rows");
        var copy = await CopyBaseline.RunAsync(cluster.DataSource, rows, new JournalOptions().MaxBatchSize);
        log($"  {copy.EventsPerSecond:N0} rows/s");
        log($"baseline (c): JournalWriter alone, {options.Senders} callers, {options.NaiveSeconds} s");
        var writerAlone = await JournalWriterBaseline.RunAsync(cluster.Server, rows, options.BatchSize, options.Senders, TimeSpan.FromSeconds(options.NaiveSeconds));
        log($"  {writerAlone.EventsPerSecond:N0} events/s, p99 {writerAlone.Latency.P99:F1} ms");
        log($"baseline (b): one committed INSERT per event, {options.NaiveTasks} tasks, {options.NaiveSeconds} s");
        var naiveInsert = await SingleRowInsertBaseline.RunAsync(cluster.DataSource, rows, options.NaiveTasks, TimeSpan.FromSeconds(options.NaiveSeconds));
        log($"  {naiveInsert.EventsPerSecond:N0} events/s, p99 {naiveInsert.Latency.P99:F1} ms");
        log($"baseline (b): one grain-state write per event, {options.NaiveTasks} callers, {options.NaiveSeconds} s");
        var naiveGrain = await GrainStateBaseline.RunAsync(cluster.ConnectionString, options.NaiveTasks, TimeSpan.FromSeconds(options.NaiveSeconds));
        log($"  {naiveGrain.EventsPerSecond:N0} events/s, p99 {naiveGrain.Latency.P99:F1} ms");

        return new IngestionReport(options, machine, DateTimeOffset.UtcNow, fixedRate, closedLoop, [copy, writerAlone, naiveInsert, naiveGrain]);
    }

    private async Task<PhaseReport> MeasurePhaseAsync(BenchmarkCluster cluster, CpuSampler cpu, JournalProbe probe, Func<Task<LoadResult>> load)
    {
        // Garbage from generating the requests is not the system's cost: collect it before the clock starts.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var firstPosition = await probe.LastPositionAsync();
        var databaseBefore = await DatabaseCounters.ReadAsync(cluster.DataSource);
        var cpuBefore = cpu.Sample();
        var activity = new DatabaseActivitySampler(cluster.DataSource);
        using var stopSampling = new CancellationTokenSource();
        var sampling = activity.RunUntilAsync(stopSampling.Token);
        var started = Stopwatch.GetTimestamp();

        var result = await load();

        await stopSampling.CancelAsync();
        await sampling;
        var cores = CpuSampler.CoresUsed(cpuBefore, cpu.Sample(), Stopwatch.GetElapsedTime(started));
        var database = (await DatabaseCounters.ReadAsync(cluster.DataSource)).Minus(databaseBefore);
        var backlog = await probe.BacklogAsync();
        log($"  load done; {backlog:N0} events not yet applied; waiting for profiles to catch up");
        var catchUp = await probe.WaitUntilAppliedAsync(CatchUpTimeout);
        var left = catchUp is null ? await probe.BacklogAsync() : 0;
        var (rows, commits) = await probe.GroupingAsync(firstPosition, await probe.LastPositionAsync());
        return new PhaseReport(result, rows, commits, database, cores, activity.Summarize(), backlog, catchUp, CatchUpTimeout, left);
    }

    private void Report(PhaseReport phase)
    {
        var load = phase.Load;
        log($"  {load.EventsPerSecond:N0} events/s acked; ack p50 {load.AckLatency.P50:F1} ms, p99 {load.AckLatency.P99:F1} ms, max {load.AckLatency.Max:F1} ms; " +
            $"{load.FailedRequests} failed{(load.FirstError is null ? "" : " (" + load.FirstError + ")")}; {phase.RowsPerCommit:F0} rows per commit; " +
            (phase.CatchUp is { } t ? $"applied {t.TotalSeconds:F1} s after the load" : $"{phase.BacklogAfterTimeout:N0} not applied {phase.CatchUpTimeout.TotalSeconds:F0} s after the load"));
        log($"  database busy with (mean active backends): {phase.DatabaseActivity}");
    }

    private List<byte[]> Generate(string phase, int events)
    {
        var generator = new EventBatchGenerator(options.Profiles, $"{runId}-{phase}");
        var requests = Math.Max(1, events / options.BatchSize);
        return [.. Enumerable.Range(0, requests).Select(_ => generator.NextBatch(options.BatchSize))];
    }

    /// <summary>A benchmark of rejected requests would measure nothing: check the generator against the real parser first.</summary>
    private void ValidateGenerator()
    {
        var sample = new EventBatchGenerator(options.Profiles, $"{runId}-check").NextBatch(500);
        var parsed = EventParser.Default.ParseBatch(sample, DateTimeOffset.UtcNow);
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException("generated events are invalid: " + string.Join("; ", parsed.Errors.Take(5)));
        }
        log($"generated events are valid; {sample.Length / 500} bytes per event on average");
    }
}
