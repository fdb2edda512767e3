using System.Diagnostics;

namespace Journeys.Benchmarks.Load;

/// <summary>
/// The ceiling: N senders each post the next request as soon as their last one is answered, for
/// a fixed time or until the generated requests run out. Latency here is service time, not a
/// promise at any rate: read it next to the fixed-rate figures.
/// </summary>
public static class ClosedLoopRun
{
    public static async Task<LoadResult> RunAsync(string name, BatchSender sender, IReadOnlyList<byte[]> bodies, int batchSize, int senders, TimeSpan duration)
    {
        var tally = new LoadTally(batchSize);
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, senders).Select(async _ =>
        {
            await Task.Yield();
            int i;
            while (Stopwatch.GetTimestamp() < deadline && (i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                var sentAt = Stopwatch.GetTimestamp();
                tally.Record(await sender.SendAsync(bodies[i]), sentAt);
            }
        });
        await Task.WhenAll(workers);
        return tally.Result(name, start);
    }
}
