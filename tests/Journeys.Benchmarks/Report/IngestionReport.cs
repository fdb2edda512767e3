using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Report;

/// <summary>Everything one run of the ingestion benchmark measured.</summary>
public sealed record IngestionReport(
    BenchmarkOptions Options,
    MachineInfo Machine,
    DateTimeOffset RanAt,
    PhaseReport FixedRate,
    PhaseReport ClosedLoop,
    IReadOnlyList<ResultRow> Baselines)
{
    public const int TargetEventsPerSecond = 10_000;
    public const double TargetP99Milliseconds = 100;

    /// <summary>The target of issue 3 can only be judged by a fixed-rate phase offered at least the target rate.</summary>
    public bool TargetTested => Options.Rate >= TargetEventsPerSecond;

    public bool TargetMet => TargetTested
        && FixedRate.Load.FailedRequests == 0
        && FixedRate.Load.EventsPerSecond >= TargetEventsPerSecond
        && FixedRate.Load.AckLatency.P99 <= TargetP99Milliseconds;
}
