namespace Journeys.Storage.Stats;

/// <summary>The outcome counters of the embedded default: same contract, kept in this process only.</summary>
public sealed class InMemoryJourneyOutcomeStore : IJourneyOutcomeStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string JourneyId, int Version, string NodeId, string Counter, string Outcome), long> totals = [];

    public Task AddAsync(IReadOnlyList<NodeOutcomeDelta> deltas, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var d in deltas)
            {
                var key = (d.JourneyId, d.Version, d.NodeId, d.Counter, d.Outcome);
                totals[key] = totals.GetValueOrDefault(key) + d.Count;
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NodeOutcomeDelta>> ReadAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<NodeOutcomeDelta> rows = totals
                .Where(t => t.Key.JourneyId == journeyId)
                .Select(t => new NodeOutcomeDelta(t.Key.JourneyId, t.Key.Version, t.Key.NodeId, t.Key.Counter, t.Key.Outcome, t.Value))
                .OrderBy(r => r.Version)
                .ThenBy(r => r.NodeId, StringComparer.Ordinal)
                .ThenBy(r => r.Counter, StringComparer.Ordinal)
                .ThenBy(r => r.Outcome, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(rows);
        }
    }
}
