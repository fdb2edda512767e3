using System.Diagnostics;
using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Load;

/// <summary>Counts outcomes and latencies of one phase from concurrent senders.</summary>
public sealed class LoadTally(int batchSize)
{
    private readonly LatencyRecorder latency = new();
    private long sent;
    private long acked;
    private long stored;
    private long duplicates;
    private long failed;
    private string? firstError;

    /// <summary>Latency runs from <paramref name="startTimestamp"/>: the scheduled send time in an open loop.</summary>
    public void Record(SendOutcome outcome, long startTimestamp)
    {
        Interlocked.Increment(ref sent);
        if (!outcome.IsAcked)
        {
            Interlocked.Increment(ref failed);
            Interlocked.CompareExchange(ref firstError, outcome.Error, null);
            return;
        }
        latency.RecordSince(startTimestamp);
        Interlocked.Add(ref acked, batchSize);
        Interlocked.Add(ref stored, outcome.Stored);
        Interlocked.Add(ref duplicates, outcome.Duplicates);
    }

    public LoadResult Result(string name, long startTimestamp) => new(
        name, sent, acked, stored, duplicates, failed, firstError, Stopwatch.GetElapsedTime(startTimestamp), latency.Summarize());
}
