using Journeys.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Journeys.Cluster.Tests;

/// <summary>Silo side of <see cref="PostgresTestCluster"/>: the production providers plus a delete-on-clear storage.</summary>
internal sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[PostgresTestCluster.ConnectionStringKey]!;
        siloBuilder.UsePostgresProviders(connectionString);
        siloBuilder.AddAdoNetGrainStorage(PostgresTestCluster.DeleteOnClearStorage, o =>
        {
            o.Invariant = SiloHostingExtensions.AdoNetInvariant;
            o.ConnectionString = connectionString;
            o.DeleteStateOnClear = true;
        });
    }
}
