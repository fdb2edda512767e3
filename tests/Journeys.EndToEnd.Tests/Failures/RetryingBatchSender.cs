using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// A client at a fixed arrival rate: batch i is due at start + i × interval whatever became of the
/// earlier ones (a stalled cluster does not slow the client down), and every batch is resent with the
/// same messageIds until the gateway acknowledges it, as Segment SDKs do. Records what was acknowledged
/// and when, and every failed attempt.
/// </summary>
public sealed class RetryingBatchSender(ProductionCluster cluster, int eventsPerSecond, int batchSize, Func<int, IReadOnlyList<SentEvent>> batchFor)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<string, AckedEvent> acked = new();
    private readonly ConcurrentQueue<DateTime> failures = new();

    public IReadOnlyCollection<AckedEvent> Acked => [.. acked.Values];
    public IReadOnlyCollection<DateTime> Failures => [.. failures];

    /// <summary>Sends batches at the fixed rate until <paramref name="stop"/> is cancelled, then waits until every batch sent is acknowledged.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds((double)batchSize / eventsPerSecond);
        var start = DateTime.UtcNow;
        var inFlight = new List<Task>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var wait = start + (i * interval) - DateTime.UtcNow;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            var batch = batchFor(i);
            inFlight.Add(Task.Run(() => SendUntilAckedAsync(batch), CancellationToken.None));
        }
        await Task.WhenAll(inFlight);
    }

    /// <summary>Posts one batch until it is acknowledged; returns when it was.</summary>
    public async Task<DateTime> SendUntilAckedAsync(IReadOnlyList<SentEvent> batch)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                using var response = await cluster.PostAsync("/v1/batch", Events.Batch([.. batch.Select(e => e.Event.DeepClone())]));
                if (response.IsSuccessStatusCode)
                {
                    var at = DateTime.UtcNow;
                    foreach (var e in batch)
                    {
                        acked.TryAdd(e.MessageId, new AckedEvent(e.MessageId, e.User, e.Name, at));
                    }
                    return at;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            failures.Enqueue(DateTime.UtcNow);
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"a batch of {batch.Count} events was not acknowledged within {GiveUpAfter}");
            }
            await Task.Delay(RetryDelay);
        }
    }
}

/// <summary>One event as the client sends it.</summary>
public sealed record SentEvent(string User, JsonObject Event)
{
    public string MessageId => (string)Event["messageId"]!;
    public string Name => (string)Event["event"]!;
}

/// <summary>An event the gateway acknowledged, and when the client got the answer.</summary>
public sealed record AckedEvent(string MessageId, string User, string Name, DateTime AckedAt);
