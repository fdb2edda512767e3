namespace Journeys.Storage.Stats;

/// <summary>Journey counters of the embedded default, kept in this process only.</summary>
public sealed class InMemoryJourneyStatsStore : IJourneyStatsStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string, int, string), NodeStatDelta> totals = [];

    public Task AddAsync(IReadOnlyList<NodeStatDelta> deltas, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var d in deltas)
            {
                var key = (d.JourneyId, d.Version, d.NodeId);
                totals[key] = totals.TryGetValue(key, out var t) ? t.Plus(d) : d;
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NodeStatDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<NodeStatDelta> rows = totals.Values.Where(t => t.JourneyId == journeyId).ToList();
            return Task.FromResult(rows);
        }
    }
}
