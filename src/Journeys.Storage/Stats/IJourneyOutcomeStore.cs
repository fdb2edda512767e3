namespace Journeys.Storage.Stats;

/// <summary>Durable breakdowns of journey node counters (PostgreSQL; in memory for the embedded default).</summary>
public interface IJourneyOutcomeStore
{
    /// <summary>Adds the deltas in one statement.</summary>
    Task AddAsync(IReadOnlyList<NodeOutcomeDelta> deltas, CancellationToken cancellationToken = default);

    /// <summary>Current totals of every node, counter and outcome of the journey (all versions).</summary>
    Task<IReadOnlyList<NodeOutcomeDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default);
}
