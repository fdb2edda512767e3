using Journeys.Contracts.Journeys;
using Journeys.Gateway.Dashboards.Figures;
using Journeys.Storage.Stats;

namespace Journeys.Gateway.Dashboards;

/// <summary>Reads a journey's definition from the catalogue and its counters from the stats stores.</summary>
internal sealed class JourneyFiguresReader(IClusterClient cluster, IJourneyStatsStore stats, IJourneyOutcomeStore outcomes)
{
    private IJourneyCatalogGrain Catalog => cluster.GetGrain<IJourneyCatalogGrain>(0);

    public async Task<IReadOnlyList<JourneyRow>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await Catalog.ListAsync();
        var figures = await Task.WhenAll(list.Select(s => ReadAsync(s.JourneyId, cancellationToken)));
        return [.. figures.OfType<JourneyFigures>().Select(f => f.Row())];
    }

    public async Task<JourneyFigures?> ReadAsync(string journeyId, CancellationToken cancellationToken)
    {
        if (await Catalog.GetAsync(journeyId) is not { } detail)
        {
            return null;
        }
        var counters = stats.ReadAsync(journeyId, cancellationToken);
        var breakdowns = outcomes.ReadAsync(journeyId, cancellationToken);
        return new JourneyFigures(detail, await counters, await breakdowns);
    }
}
