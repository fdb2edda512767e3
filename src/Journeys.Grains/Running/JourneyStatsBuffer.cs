using Journeys.Engine.Journeys;
using Journeys.Storage.Stats;
using Microsoft.Extensions.Hosting;

namespace Journeys.Grains.Running;

/// <summary>
/// Sums journey counters in memory on each silo and writes them in one statement a second, so
/// counting never means a call per event to one hot grain or a commit per event.
/// </summary>
public sealed class JourneyStatsBuffer(IJourneyStatsStore store, ILogger<JourneyStatsBuffer> logger) : BackgroundService
{
    private static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(1);
    private readonly Lock gate = new();
    private Dictionary<(string Journey, int Version, string Node), NodeStatDelta> pending = [];

    /// <summary>The counter changes that journey commands stand for; commands that count nothing give none.</summary>
    public static IEnumerable<NodeStatDelta> Deltas(IEnumerable<JourneyCommand> commands)
    {
        foreach (var command in commands)
        {
            NodeStatDelta? delta = command switch
            {
                NodeEntered c => new(c.JourneyId, c.Version, c.NodeId, Entered: 1),
                NodeExited c => new(c.JourneyId, c.Version, c.NodeId, Passed: 1),
                InstanceFinished c => new(c.JourneyId, c.Version, c.NodeId, Exited: 1),
                Converted c => new(c.JourneyId, c.Version, c.NodeId, Converted: 1,
                    ConvertedTreatment: c.TreatmentGroup ? 1 : 0, ConvertedControl: c.ControlGroup ? 1 : 0),
                Suppressed c => new(c.JourneyId, c.Version, c.NodeId, Suppressed: 1),
                _ => null,
            };
            if (delta is not null)
            {
                yield return delta;
            }
        }
    }

    /// <summary>An instance started or stopped waiting at a node.</summary>
    public static NodeStatDelta Waiting(string journeyId, int version, string nodeId, int change) =>
        new(journeyId, version, nodeId, Waiting: change);

    public void Record(IEnumerable<NodeStatDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            Add(delta.JourneyId, delta.Version, delta.NodeId, delta);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<(string, int, string), NodeStatDelta> batch;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }
            batch = pending;
            pending = [];
        }
        try
        {
            await store.AddAsync([.. batch.Values], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Journey counters not written; {Rows} rows kept for the next flush", batch.Count);
            foreach (var delta in batch.Values)
            {
                Add(delta.JourneyId, delta.Version, delta.NodeId, delta);
            }
        }
    }

    private void Add(string journeyId, int version, string nodeId, NodeStatDelta delta)
    {
        lock (gate)
        {
            pending[(journeyId, version, nodeId)] = pending.TryGetValue((journeyId, version, nodeId), out var sum) ? sum.Plus(delta) : delta;
        }
    }
}
