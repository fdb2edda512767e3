using Journeys.Contracts.Segments;
using Journeys.Engine.Journeys;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>One silo on PostgreSQL with every sample journey published, as in the embedded default.</summary>
public sealed class SampleJourneysClusterFixture(PostgresFixture postgres) : IAsyncLifetime
{
    /// <summary>The segment the lapsed-flyer sample starts from: profiles the CRM marks as lapsed.</summary>
    public const string LapsedFlyers = """{ "type": "field", "field": "traits.lapsedFlyer", "op": "eq", "value": true }""";

    private JourneyCluster? journeys;

    public JourneyCluster Journeys => journeys ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        await journeys.Cluster.Client.GetGrain<ISegmentCatalogGrain>(0).PutAsync("lapsed-flyers", LapsedFlyers);
        await journeys.PublishSamplesAsync([.. SampleJourneys.Names]);
    }

    public async ValueTask DisposeAsync()
    {
        if (journeys is not null)
        {
            await journeys.DisposeAsync();
        }
    }
}
