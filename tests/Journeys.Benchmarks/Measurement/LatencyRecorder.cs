using System.Diagnostics;
using HdrHistogram;

namespace Journeys.Benchmarks.Measurement;

/// <summary>Records latencies from many tasks into one HdrHistogram (microseconds, 3 significant digits).</summary>
public sealed class LatencyRecorder
{
    private const long HighestMicros = 10L * 60 * 1_000_000;
    private readonly LongHistogram histogram = new(1, HighestMicros, 3);
    // A summary enumerates the histogram; answers still arriving after a drain timed out would break it.
    private readonly Lock recording = new();

    /// <summary>Time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp)
    {
        var micros = (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
        lock (recording)
        {
            histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));
        }
    }

    public LatencySummary Summarize()
    {
        lock (recording)
        {
            return LatencySummary.From(histogram);
        }
    }
}
