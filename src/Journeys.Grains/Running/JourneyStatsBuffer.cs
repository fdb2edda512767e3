using System.Threading.Channels;
using Journeys.Engine.Journeys;
using Journeys.Storage.Stats;
using Microsoft.Extensions.Hosting;

namespace Journeys.Grains.Running;

/// <summary>
/// Sums journey counters in memory on each silo and writes them in one statement per table as soon
/// as the last write is done (group commit): a lone step reaches the store within a round trip,
/// and under load everything counted while a write runs goes into the next one, with writes at
/// least <see cref="MinimumGap"/> apart. So counting never means a call per event to one hot grain
/// or a commit per event. Besides the per-node totals it keeps their breakdowns (exit taken,
/// suppression reason, finish reason, conversion group) that the dashboards draw transitions and
/// control-group results from.
/// </summary>
public sealed class JourneyStatsBuffer(IJourneyStatsStore store, IJourneyOutcomeStore outcomes, ILogger<JourneyStatsBuffer> logger) : BackgroundService
{
    // Two synchronous commits (one per table) per flush and silo: 50 ms apart they were a fifth of what
    // PostgreSQL was busy with under 2,000 popups/s, mostly waiting on WAL flushes the journal's commits
    // also wait on (docs/benchmarks.md, popups). Twice a second is still live for a dashboard.
    private static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> counted = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock gate = new();
    private Dictionary<(string Journey, int Version, string Node), NodeStatDelta> pending = [];
    private Dictionary<(string Journey, int Version, string Node, string Counter, string Outcome), long> pendingOutcomes = [];

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
                Converted c => new(c.JourneyId, c.Version, c.NodeId, Converted: 1),
                Suppressed c => new(c.JourneyId, c.Version, c.NodeId, Suppressed: 1),
                _ => null,
            };
            if (delta is not null)
            {
                yield return delta;
            }
        }
    }

    /// <summary>The breakdowns of those changes: exit taken, suppression reason, finish reason, conversion group.</summary>
    public static IEnumerable<NodeOutcomeDelta> Outcomes(IEnumerable<JourneyCommand> commands)
    {
        foreach (var command in commands)
        {
            NodeOutcomeDelta? outcome = command switch
            {
                NodeExited c => new(c.JourneyId, c.Version, c.NodeId, OutcomeCounters.Exit, c.Outcome, 1),
                InstanceFinished c => new(c.JourneyId, c.Version, c.NodeId, OutcomeCounters.Finished, c.Reason, 1),
                Converted c => new(c.JourneyId, c.Version, c.NodeId, OutcomeCounters.Converted, GroupOf(c), 1),
                Suppressed c => new(c.JourneyId, c.Version, c.NodeId, OutcomeCounters.Suppressed, SuppressionReasons.Kind(c.Reason), 1),
                _ => null,
            };
            if (outcome is not null)
            {
                yield return outcome;
            }
        }
    }

    /// <summary>An instance started or stopped waiting at a node.</summary>
    public static NodeStatDelta Waiting(string journeyId, int version, string nodeId, int change) =>
        new(journeyId, version, nodeId, Waiting: change);

    /// <summary>
    /// One change's counters go into the same write: read between two writes, a dashboard (or a test) that
    /// sees one of them, say a step passed, also sees the rest, say the instance now waiting at the next node.
    /// </summary>
    public void Record(IEnumerable<NodeStatDelta> deltas, IEnumerable<NodeOutcomeDelta> outcomeDeltas)
    {
        lock (gate)
        {
            foreach (var delta in deltas)
            {
                Add(delta.JourneyId, delta.Version, delta.NodeId, delta);
            }
            foreach (var o in outcomeDeltas)
            {
                var key = (o.JourneyId, o.Version, o.NodeId, o.Counter, o.Outcome);
                pendingOutcomes[key] = pendingOutcomes.GetValueOrDefault(key) + o.Count;
            }
        }
        counted.Writer.TryWrite(true);
    }

    private static string GroupOf(Converted c) =>
        c.ControlGroup ? OutcomeCounters.Control : c.TreatmentGroup ? OutcomeCounters.Treatment : OutcomeCounters.NoGroup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await counted.Reader.WaitToReadAsync(stoppingToken))
            {
                counted.Reader.TryRead(out _);
                await Task.Delay(await FlushAsync(stoppingToken) ? MinimumGap : RetryDelay, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes what is pending; false when a write failed and its deltas wait for the next try.</summary>
    private async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<(string, int, string), NodeStatDelta> batch;
        Dictionary<(string, int, string, string, string), long> outcomeBatch;
        lock (gate)
        {
            if (pending.Count == 0 && pendingOutcomes.Count == 0)
            {
                return true;
            }
            (batch, pending) = (pending, []);
            (outcomeBatch, pendingOutcomes) = (pendingOutcomes, []);
        }
        var written = true;
        try
        {
            await store.AddAsync([.. batch.Values], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Journey counters not written; {Rows} rows kept for the next flush", batch.Count);
            lock (gate)
            {
                foreach (var delta in batch.Values)
                {
                    Add(delta.JourneyId, delta.Version, delta.NodeId, delta);
                }
            }
            written = false;
        }
        try
        {
            await outcomes.AddAsync([.. outcomeBatch.Select(o => new NodeOutcomeDelta(o.Key.Item1, o.Key.Item2, o.Key.Item3, o.Key.Item4, o.Key.Item5, o.Value))], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Journey outcome counters not written; {Rows} rows kept for the next flush", outcomeBatch.Count);
            lock (gate)
            {
                foreach (var (key, count) in outcomeBatch)
                {
                    pendingOutcomes[key] = pendingOutcomes.GetValueOrDefault(key) + count;
                }
            }
            written = false;
        }
        if (!written)
        {
            counted.Writer.TryWrite(true);
        }
        return written;
    }

    /// <summary>Callers hold <see cref="gate"/>.</summary>
    private void Add(string journeyId, int version, string nodeId, NodeStatDelta delta) =>
        pending[(journeyId, version, nodeId)] = pending.TryGetValue((journeyId, version, nodeId), out var sum) ? sum.Plus(delta) : delta;
}
