using Journeys.Storage.Stats;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>A journey's per-node counters, summed over versions, read the way a dashboard reads them.</summary>
public sealed record JourneyCounters(IReadOnlyList<NodeStatDelta> Rows)
{
    public NodeStatDelta Node(string nodeId) =>
        Rows.Where(r => r.NodeId == nodeId).Aggregate(new NodeStatDelta(string.Empty, 0, nodeId), (sum, row) => sum.Plus(row));

    public NodeStatDelta Total => Rows.Aggregate(new NodeStatDelta(string.Empty, 0, string.Empty), (sum, row) => sum.Plus(row));

    public override string ToString() => string.Join(", ", Rows);
}
