using System.Diagnostics;

namespace Journeys.Benchmarks.Load;

/// <summary>
/// Fixed arrival rate: request i is due at start + i × interval whether or not earlier ones were
/// answered, and its latency counts from when it was due, not from when it got out. A stalled
/// gateway therefore shows as latency rather than as a slower sender (no coordinated omission).
/// </summary>
public static class OpenLoopRun
{
    public static async Task<LoadResult> RunAsync(string name, BatchSender sender, IReadOnlyList<byte[]> bodies, int batchSize, int eventsPerSecond)
    {
        var interval = Stopwatch.Frequency * (double)batchSize / eventsPerSecond;
        var tally = new LoadTally(batchSize);
        var inFlight = new List<Task>(bodies.Count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < bodies.Count; i++)
        {
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            inFlight.Add(SendAsync(sender, bodies[i], due, tally));
        }
        await Task.WhenAll(inFlight);
        return tally.Result(name, start);
    }

    private static async Task SendAsync(BatchSender sender, byte[] body, long due, LoadTally tally)
    {
        // Off the scheduling loop, so a slow connect never delays the next due request.
        await Task.Yield();
        tally.Record(await sender.SendAsync(body), due);
    }
}
