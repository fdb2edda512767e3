using HdrHistogram;

namespace Journeys.Benchmarks.Measurement;

/// <summary>Percentiles of one measurement, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencySummary None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>From a histogram recorded in microseconds.</summary>
    public static LatencySummary From(HistogramBase micros) => micros.TotalCount == 0
        ? None
        : new(
            micros.TotalCount,
            micros.GetValueAtPercentile(50) / 1000.0,
            micros.GetValueAtPercentile(90) / 1000.0,
            micros.GetValueAtPercentile(99) / 1000.0,
            micros.GetValueAtPercentile(99.9) / 1000.0,
            micros.GetMaxValue() / 1000.0);
}
