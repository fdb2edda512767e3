namespace Journeys.Storage.Stats;

/// <summary>Durable per-node journey counters (PostgreSQL; in memory for the embedded default).</summary>
public interface IJourneyStatsStore
{
    /// <summary>Adds the deltas in one transaction.</summary>
    Task AddAsync(IReadOnlyList<NodeStatDelta> deltas, CancellationToken cancellationToken = default);

    /// <summary>Current totals per node (all versions of the journey, version kept per row).</summary>
    Task<IReadOnlyList<NodeStatDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default);
}
