using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Load;

/// <summary>What one load phase achieved: acknowledged events, the rate, failures and ack latency.</summary>
public sealed record LoadResult(
    string Name,
    long RequestsSent,
    long AckedEvents,
    long StoredEvents,
    long Duplicates,
    long FailedRequests,
    string? FirstError,
    TimeSpan Elapsed,
    LatencySummary AckLatency)
{
    public double EventsPerSecond => AckedEvents / Elapsed.TotalSeconds;
}
