using System.Net;
using Journeys.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Journeys.Cluster.Tests;

/// <summary>The clustering provider's table operations, called directly, one deployment per test.</summary>
public sealed class MembershipTableTests(PostgresFixture postgres, MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTime Started = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly string _clusterId = "membership-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task InitializingTwiceLeavesOneEmptyTableAtVersionZero()
    {
        await TableAsync();
        var table = await TableAsync();

        var data = await table.ReadAllAsync(Ct);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Equal(1, await Sql.CountAsync(database.ConnectionString,
            "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @id", ("id", _clusterId)));
    }

    [Fact]
    public async Task AnInsertedSiloReadsBackAsWrittenAndBumpsTheTableVersion()
    {
        var table = await TableAsync();
        var entry = Entry(port: 11111, SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        var data = await table.ReadRowAsync(entry.SiloAddress, Ct);
        var (read, _) = Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(entry.HostName, read.HostName);
        Assert.Equal(entry.Status, read.Status);
        Assert.Equal(entry.ProxyPort, read.ProxyPort);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
    }

    [Fact]
    public async Task AnInsertWithAStaleTableVersionIsRejected()
    {
        var table = await TableAsync();
        var stale = (await table.ReadAllAsync(Ct)).Version.Next();
        Assert.True(await table.InsertRowAsync(Entry(port: 11111), stale, Ct));

        Assert.False(await table.InsertRowAsync(Entry(port: 11112), stale, Ct));

        var data = await table.ReadAllAsync(Ct);
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task InsertingTheSameSiloTwiceIsRejectedWithoutBumpingTheVersion()
    {
        var table = await TableAsync();
        var entry = Entry(port: 11111);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        Assert.False(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        Assert.Equal(1, (await table.ReadAllAsync(Ct)).Version.Version);
    }

    [Fact]
    public async Task AnUpdateIsRejectedWithAStaleTableVersionAndAppliedWithTheCurrentOne()
    {
        var table = await TableAsync();
        var entry = Entry(port: 11111);
        var stale = (await table.ReadAllAsync(Ct)).Version.Next();
        Assert.True(await table.InsertRowAsync(entry, stale, Ct));
        var suspecter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 7);
        entry.Status = SiloStatus.Dead;
        entry.SuspectTimes = [Tuple.Create(suspecter, Started.AddMinutes(1))];

        Assert.False(await table.UpdateRowAsync(entry, stale.VersionEtag, stale, Ct));
        Assert.Equal(SiloStatus.Active, Assert.Single((await table.ReadAllAsync(Ct)).Members).Item1.Status);

        var current = await table.ReadAllAsync(Ct);
        var (_, rowETag) = Assert.Single(current.Members);
        Assert.True(await table.UpdateRowAsync(entry, rowETag, current.Version.Next(), Ct));

        var data = await table.ReadAllAsync(Ct);
        var (read, _) = Assert.Single(data.Members);
        Assert.Equal(2, data.Version.Version);
        Assert.Equal(SiloStatus.Dead, read.Status);
        var (suspectedBy, suspectedAt) = Assert.Single(read.SuspectTimes!);
        Assert.Equal(suspecter, suspectedBy);
        Assert.Equal(Started.AddMinutes(1), suspectedAt);
    }

    [Fact]
    public async Task AHeartbeatChangesOnlyTheIAmAliveTime()
    {
        var table = await TableAsync();
        var entry = Entry(port: 11111);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        entry.IAmAliveTime = Started.AddSeconds(30);

        await table.UpdateIAmAliveAsync(entry, Ct);

        var data = await table.ReadRowAsync(entry.SiloAddress, Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(Started.AddSeconds(30), Assert.Single(data.Members).Item1.IAmAliveTime);
    }

    [Fact]
    public async Task ReadingAnUnknownSiloReturnsTheTableVersionAndNoEntry()
    {
        var table = await TableAsync();
        Assert.True(await table.InsertRowAsync(Entry(port: 11111), (await table.ReadAllAsync(Ct)).Version.Next(), Ct));

        var data = await table.ReadRowAsync(Entry(port: 19999).SiloAddress, Ct);

        Assert.Empty(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task CleanupRemovesOnlyDeadSilosSilentSinceBeforeTheCutOff()
    {
        var table = await TableAsync();
        await InsertAllAsync(table, CleanupCandidates());

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Started.AddHours(1)), Ct);

        var remaining = await PortsAsync(table);
        Assert.Equal([11112, 11113, 11114], remaining);
    }

    [Fact]
    public async Task WithoutTheSingleRowQueryCleanupRemovesEverySilentSiloThatIsNotActive()
    {
        var connectionString = (await MigratedDatabase.CreateAsync(postgres.Server)).ConnectionString;
        await Sql.ExecuteAsync(connectionString, "DELETE FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntryKey'");
        var table = await TableAsync(_clusterId, connectionString);
        await InsertAllAsync(table, CleanupCandidates());

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Started.AddHours(1)), Ct);

        var remaining = await PortsAsync(table);
        Assert.Equal([11112, 11113], remaining);
    }

    [Fact]
    public async Task DeletingADeploymentRemovesItsSilosAndVersionOnly()
    {
        var table = await TableAsync();
        Assert.True(await table.InsertRowAsync(Entry(port: 11111), (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        var otherClusterId = _clusterId + "-other";
        var other = await TableAsync(otherClusterId);
        Assert.True(await other.InsertRowAsync(Entry(port: 11111), (await other.ReadAllAsync(Ct)).Version.Next(), Ct));

        await table.DeleteMembershipTableEntriesAsync(_clusterId, Ct);

        Assert.Equal(0, await Sql.CountAsync(database.ConnectionString,
            "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @id", ("id", _clusterId)));
        Assert.Single((await other.ReadAllAsync(Ct)).Members);
    }

    [Fact]
    public async Task TheGatewaysAreTheActiveSilosThatHaveAProxyPort()
    {
        var table = await TableAsync();
        var gateway = Entry(port: 11111, SiloStatus.Active, proxyPort: 30001);
        await InsertAllAsync(table,
        [
            gateway,
            Entry(port: 11112, SiloStatus.Active, proxyPort: 0),
            Entry(port: 11113, SiloStatus.Dead, proxyPort: 30003),
        ]);

        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = SiloHostingExtensions.AdoNetInvariant, ConnectionString = database.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = _clusterId }));
        await provider.InitializeGatewayListProviderAsync(Ct);

        var gateways = await provider.GetGatewaysAsync(Ct);

        Assert.Equal([SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 30001), gateway.SiloAddress.Generation).ToGatewayUri()], gateways);
    }

    /// <summary>Silos on ports 11111-11114, of which only 11111 is dead and silent since before Started + 1h.</summary>
    private static MembershipEntry[] CleanupCandidates() =>
    [
        Entry(port: 11111, SiloStatus.Dead),
        Entry(port: 11112, SiloStatus.Active),
        Entry(port: 11113, SiloStatus.Dead, aliveAt: Started.AddHours(2)),
        Entry(port: 11114, SiloStatus.ShuttingDown),
    ];

    private static async Task InsertAllAsync(AdoNetClusteringTable table, IEnumerable<MembershipEntry> entries)
    {
        foreach (var entry in entries)
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(Ct)).Version.Next(), Ct));
        }
    }

    private static async Task<int[]> PortsAsync(AdoNetClusteringTable table) =>
        (await table.ReadAllAsync(Ct)).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order().ToArray();

    private Task<AdoNetClusteringTable> TableAsync() => TableAsync(_clusterId);

    private Task<AdoNetClusteringTable> TableAsync(string clusterId) => TableAsync(clusterId, database.ConnectionString);

    private static async Task<AdoNetClusteringTable> TableAsync(string clusterId, string connectionString)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = clusterId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = SiloHostingExtensions.AdoNetInvariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Active, int proxyPort = 30000, DateTime? aliveAt = null) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 42),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = proxyPort,
        StartTime = Started,
        IAmAliveTime = aliveAt ?? Started,
    };
}
