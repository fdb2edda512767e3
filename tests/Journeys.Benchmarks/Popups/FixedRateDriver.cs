using System.Diagnostics;

namespace Journeys.Benchmarks.Popups;

/// <summary>
/// Sends numbered messages at a fixed arrival rate, <c>batch</c> at a time: group k is due at
/// start + k × interval whether or not earlier ones got out, and is logged as due then.
/// </summary>
public static class FixedRateDriver
{
    public static async Task<int> RunAsync(ArrivalLog log, long first, int count, int perSecond, int batch, Func<long, int, Task> sendGroup)
    {
        var interval = Stopwatch.Frequency * (double)batch / perSecond;
        var failures = 0;
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k * batch < count; k++)
        {
            var due = start + (long)(k * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var from = first + k * batch;
            var size = (int)Math.Min(batch, first + count - from);
            for (var n = from; n < from + size; n++)
            {
                log.Due(n, due);
            }
            inFlight.Add(SendAsync(from, size));
        }
        await Task.WhenAll(inFlight);
        return failures;

        async Task SendAsync(long from, int size)
        {
            // Off the scheduling loop, so a slow send never delays the next group.
            await Task.Yield();
            try
            {
                await sendGroup(from, size);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }
}
