using Journeys.Contracts.Journeys;
using Journeys.Gateway.Dashboards.Figures;
using Journeys.Storage.Outbox;
using Journeys.Storage.Stats;

namespace Journeys.Gateway.Dashboards;

/// <summary>
/// Reads a journey's definition from the catalogue and its counters from the stats stores; the list and
/// the results page also sum its outbox rows (one indexed aggregate per journey), the live view does not.
/// </summary>
internal sealed class JourneyFiguresReader(IClusterClient cluster, IJourneyStatsStore stats, IJourneyOutcomeStore outcomes, IOutboxStore outbox)
{
    private IJourneyCatalogGrain Catalog => cluster.GetGrain<IJourneyCatalogGrain>(0);

    public async Task<IReadOnlyList<JourneyRow>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await Catalog.ListAsync();
        var rows = await Task.WhenAll(list.Select(async s => await ReadAsync(s.JourneyId, cancellationToken) is { } figures
            ? figures.Row(await outbox.ReadOutcomesAsync(s.JourneyId, cancellationToken))
            : null));
        return [.. rows.OfType<JourneyRow>()];
    }

    public async Task<JourneyResults?> ResultsAsync(string journeyId, CancellationToken cancellationToken)
    {
        var sends = outbox.ReadOutcomesAsync(journeyId, cancellationToken);
        return await ReadAsync(journeyId, cancellationToken) is { } figures ? figures.Results(await sends) : null;
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
