using System.Diagnostics;
using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Popups;

/// <summary>
/// When each numbered message was due to be sent and who should get its answer; answers are timed
/// from the due time (fixed arrival rate, no coordinated omission) and checked for repeats and for
/// arriving at the wrong visitor.
/// </summary>
public sealed class ArrivalLog(int capacity)
{
    private readonly long[] dueAt = new long[capacity];
    private readonly int[] arrivals = new int[capacity];
    private int misdelivered;
    private LatencyRecorder latency = new();
    private LatencyRecorder acks = new();
    private long measureFrom = long.MaxValue;

    public int Capacity => capacity;
    public int Misdelivered => misdelivered;

    public void Due(long n, long timestamp) => dueAt[n] = timestamp;

    /// <summary>Only answers to messages numbered from here on are timed (the rest was warm-up).</summary>
    public void MeasureFrom(long n)
    {
        latency = new LatencyRecorder();
        acks = new LatencyRecorder();
        measureFrom = n;
    }

    public void Arrived(long n, int visitor, int expectedVisitor)
    {
        if (n < 0 || n >= capacity)
        {
            return;
        }
        if (visitor != expectedVisitor)
        {
            Interlocked.Increment(ref misdelivered);
        }
        if (Interlocked.Increment(ref arrivals[n]) == 1 && n >= measureFrom)
        {
            latency.RecordSince(dueAt[n]);
        }
    }

    /// <summary>The request carrying message <paramref name="n"/> (the first of its group) was answered: its events are committed.</summary>
    public void Acknowledged(long n)
    {
        if (n >= measureFrom && n < capacity)
        {
            acks.RecordSince(dueAt[n]);
        }
    }

    public (int Sent, int Arrived, int Repeated) Count(long from, long to)
    {
        var arrived = 0;
        var repeated = 0;
        for (var n = from; n < to; n++)
        {
            arrived += arrivals[n] > 0 ? 1 : 0;
            repeated += Math.Max(0, arrivals[n] - 1);
        }
        return ((int)(to - from), arrived, repeated);
    }

    public LatencySummary Summarize() => latency.Summarize();

    public LatencySummary SummarizeAcks() => acks.Summarize();

    /// <summary>Waits until every message below <paramref name="to"/> has an answer, or the time is up.</summary>
    public async Task DrainAsync(long to, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && Count(0, to).Arrived < to)
        {
            await Task.Delay(100);
        }
    }
}
