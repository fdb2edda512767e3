using Journeys.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Journeys.Cluster.Tests;

/// <summary>Client side of <see cref="PostgresTestCluster"/>: gateways come from the membership table.</summary>
internal sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = SiloHostingExtensions.AdoNetInvariant;
            o.ConnectionString = configuration[PostgresTestCluster.ConnectionStringKey];
        });
}
