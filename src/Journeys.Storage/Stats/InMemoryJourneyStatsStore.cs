namespace Journeys.Storage.Stats;

/// <summary>The counters of the embedded default: same contract, kept in this process only.</summary>
public sealed class InMemoryJourneyStatsStore : IJourneyStatsStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string JourneyId, int Version, string NodeId), NodeStatDelta> totals = [];

    public Task AddAsync(IReadOnlyList<NodeStatDelta> deltas, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var delta in deltas)
            {
                var key = (delta.JourneyId, delta.Version, delta.NodeId);
                totals[key] = totals.TryGetValue(key, out var total) ? total.Plus(delta) : delta;
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NodeStatDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<NodeStatDelta> rows = totals.Values
                .Where(row => row.JourneyId == journeyId)
                .OrderBy(row => row.Version)
                .ThenBy(row => row.NodeId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(rows);
        }
    }
}
