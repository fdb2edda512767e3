using Journeys.Cluster.Tests.Grains;

namespace Journeys.Cluster.Tests;

/// <summary>Each test stops a silo, so each starts its own cluster on its own database.</summary>
public sealed class SiloFailoverTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AStoppedSiloIsMarkedDeadInTheMembershipTable()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        await using var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, silos: 2);
        var stopped = cluster.Silos[1];
        var stoppedAddress = stopped.SiloAddress;
        var runningAddress = cluster.Silos[0].SiloAddress;

        await cluster.StopSiloAsync(stopped, TestContext.Current.CancellationToken);

        Assert.Equal(SiloStatus.Dead, await StatusAsync(database.ConnectionString, stoppedAddress));
        Assert.Equal(SiloStatus.Active, await StatusAsync(database.ConnectionString, runningAddress));
    }

    [Fact]
    public async Task StateWrittenThroughOneSiloIsReadFromTheOtherAfterTheFirstStops()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        await using var cluster = await PostgresTestCluster.StartAsync(database.ConnectionString, silos: 2);
        var grain = cluster.Client.GetGrain<ICounterGrain>("failover");
        Assert.Equal(5, await grain.AddAsync(5));
        var firstHost = await grain.GetSiloAsync();

        await cluster.StopSiloAsync(cluster.Silos.Single(s => s.SiloAddress.ToParsableString() == firstHost), TestContext.Current.CancellationToken);

        Assert.Equal(5, await grain.GetAsync());
        Assert.NotEqual(firstHost, await grain.GetSiloAsync());
        Assert.Equal(6, await grain.AddAsync(1));
    }

    private static async Task<SiloStatus> StatusAsync(string connectionString, SiloAddress silo) =>
        (await Sql.QueryAsync(connectionString,
            "SELECT status FROM orleans_membership WHERE deployment_id = @id AND address = @address AND port = @port AND generation = @generation",
            r => (SiloStatus)r.GetInt32(0),
            ("id", PostgresTestCluster.ClusterId),
            ("address", silo.Endpoint.Address.ToString()),
            ("port", silo.Endpoint.Port),
            ("generation", silo.Generation))).Single();
}
