using Journeys.Cluster.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;

namespace Journeys.Cluster.Tests;

public sealed class ClusterMembershipTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task BothSilosAreActiveInTheMembershipTable()
    {
        var rows = await Sql.QueryAsync(fixture.ConnectionString,
            "SELECT address, port, generation, status FROM orleans_membership WHERE deployment_id = @id",
            r => (Silo: SiloAddress.New(System.Net.IPAddress.Parse(r.GetString(0)), r.GetInt32(1), r.GetInt32(2)), Status: (SiloStatus)r.GetInt32(3)),
            ("id", PostgresTestCluster.ClusterId));

        Assert.Equal(
            fixture.Cluster.Silos.Select(s => s.SiloAddress).OrderBy(a => a.ToParsableString(), StringComparer.Ordinal),
            rows.Select(r => r.Silo).OrderBy(a => a.ToParsableString(), StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(SiloStatus.Active, r.Status));
    }

    [Fact]
    public async Task TheClientFindsBothGatewaysThroughTheMembershipTable()
    {
        var gateways = fixture.Cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>();

        var found = await gateways.GetGateways();

        Assert.Equal(
            fixture.Cluster.Silos.Select(s => SiloAddress.New(s.GatewayAddress.Endpoint, s.SiloAddress.Generation).ToGatewayUri()).OrderBy(u => u.ToString(), StringComparer.Ordinal),
            found.OrderBy(u => u.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheClientReachesGrainsThroughThoseGateways()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICounterGrain>("membership-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(3, await grain.AddAsync(3));
    }
}
