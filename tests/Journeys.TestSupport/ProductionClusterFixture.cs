using Xunit;

namespace Journeys.TestSupport;

/// <summary>Two silo processes and the gateway on a fresh database, shared by one test class (needs the assembly's <see cref="PostgresFixture"/>).</summary>
public sealed class ProductionClusterFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private ProductionCluster? cluster;

    public ProductionCluster Cluster => cluster ?? throw new InvalidOperationException("cluster not started");

    public async ValueTask InitializeAsync() => cluster = await ProductionCluster.StartAsync(postgres.Server);

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
