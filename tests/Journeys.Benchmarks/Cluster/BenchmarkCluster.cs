using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Benchmarks.Cluster;

/// <summary>
/// The system under test as an operator would run it: a throwaway PostgreSQL (fsync on,
/// synchronous_commit on), a migrated database, and the hosts of <see cref="BenchmarkTopology"/>
/// (two silo processes and the gateway process, or the gateway hosting the only silo), all from
/// the build output of this configuration.
/// </summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    public const string WriteKey = "benchmark-key";
    public const string ManagementKey = "benchmark-admin-key";
    public const string VisitorSite = "bench";
    public const string VisitorSiteSecret = "benchmark-site-secret-long-enough-for-hmac";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly PostgresServer postgres;
    private readonly List<HostProcess> silos = [];
    /// <summary>What the silo and gateway Dockerfiles set (64 MB): measured as production runs.</summary>
    private const string ProductionGen0Budget = "0x4000000";

    private readonly IReadOnlyDictionary<string, string?> settings;
    private HostProcess? gateway;

    private readonly int siloNiceness;

    private BenchmarkCluster(PostgresServer postgres, string connectionString, IReadOnlyDictionary<string, string?> settings, int siloNiceness, BenchmarkTopology topology)
    {
        Topology = topology;
        this.settings = settings;
        this.siloNiceness = siloNiceness;
        this.postgres = postgres;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 100 }.ConnectionString);
    }

    public BenchmarkTopology Topology { get; }
    public string ConnectionString { get; }
    public PostgresServer Server => postgres;
    public NpgsqlDataSource DataSource { get; }
    public Uri GatewayUrl { get; private set; } = null!;
    public HostProcess Gateway => gateway ?? throw new InvalidOperationException("the gateway is not started");
    public IReadOnlyList<HostProcess> Silos => silos;

    /// <param name="settings">Configuration given to the silos and the gateway besides the cluster's own (e.g. delivery providers).</param>
    /// <param name="siloNiceness">The silos' <c>nice</c> value: above 0, acknowledging events has the CPU before applying them.</param>
    public static async Task<BenchmarkCluster> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, int siloNiceness = 0, BenchmarkTopology topology = BenchmarkTopology.Split)
    {
        var postgres = await PostgresServer.StartNewAsync();
        BenchmarkCluster? cluster = null;
        try
        {
            var database = await MigratedDatabase.CreateAsync(postgres);
            cluster = new BenchmarkCluster(postgres, database.ConnectionString, settings ?? new Dictionary<string, string?>(), siloNiceness, topology);
            if (topology == BenchmarkTopology.Split)
            {
                await cluster.StartSiloAsync();
                await cluster.StartSiloAsync();
            }
            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                await postgres.DisposeAsync();
            }
            throw;
        }
    }

    public async Task<string> SettingAsync(string name)
    {
        await using var command = DataSource.CreateCommand("SELECT current_setting(@name)");
        command.Parameters.AddWithValue("name", name);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>CPU of each process of the system under test, this load generator and PostgreSQL.</summary>
    public async Task<Measurement.CpuSampler> CpuSamplerAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var processes = new Dictionary<string, int> { [Topology == BenchmarkTopology.Split ? "gateway" : "gateway with silo"] = Gateway.Id };
        for (var i = 0; i < Silos.Count; i++)
        {
            processes[$"silo {i + 1}"] = Silos[i].Id;
        }
        processes["load generator"] = Environment.ProcessId;
        return new Measurement.CpuSampler(processes, Measurement.CpuSampler.ParentOf(backend));
    }

    /// <summary>Stops every silo gracefully (SIGTERM: grains save and deactivate), then starts as many fresh ones.</summary>
    public async Task RestartSilosAsync()
    {
        var stopping = silos.ToList();
        silos.Clear();
        foreach (var silo in stopping)
        {
            silo.Terminate();
            await silo.WaitForExitAsync(StartTimeout);
            await silo.DisposeAsync();
        }
        foreach (var _ in stopping)
        {
            await StartSiloAsync();
        }
    }

    private async Task StartSiloAsync()
    {
        var operationsPort = FreePort.Next();
        var silo = HostProcess.Start(RepositoryPaths.SiloDll, new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings__Journeys"] = ConnectionString,
            // An operator under load logs warnings, not a line per journey step.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Operations__Port"] = operationsPort.ToString(),
            ["DOTNET_GCgen0size"] = ProductionGen0Budget,
        }, siloNiceness);
        silos.Add(silo);
        await silo.WaitUntilHealthyAsync($"http://127.0.0.1:{operationsPort}/health/ready", StartTimeout);
    }

    private async Task StartGatewayAsync()
    {
        GatewayUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var hostsSilo = Topology == BenchmarkTopology.OneProcess;
        gateway = HostProcess.Start(RepositoryPaths.GatewayDll, new Dictionary<string, string?>(settings)
        {
            ["Orleans__HostSilo"] = hostsSilo ? "true" : "false",
            ["Orleans__SiloPort"] = hostsSilo ? FreePort.Next().ToString() : null,
            ["Orleans__GatewayPort"] = hostsSilo ? FreePort.Next().ToString() : null,
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["ConnectionStrings__Journeys"] = ConnectionString,
            // An operator under load logs warnings, not a line per journey step.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["ASPNETCORE_URLS"] = GatewayUrl.ToString().TrimEnd('/'),
            ["Ingestion__WriteKeys"] = WriteKey,
            ["Management__ApiKeys"] = ManagementKey,
            [$"Visitors__Sites__{VisitorSite}__Secret"] = VisitorSiteSecret,
            ["DOTNET_GCgen0size"] = ProductionGen0Budget,
        });
        await gateway.WaitUntilHealthyAsync(new Uri(GatewayUrl, "/health/ready").ToString(), StartTimeout);
    }

    /// <summary>Stops the gateway and the silos gracefully (state saved), leaving PostgreSQL and its data.</summary>
    public async Task StopHostsAsync()
    {
        foreach (var host in new[] { gateway }.Concat(silos).OfType<HostProcess>())
        {
            host.Terminate();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await host.DisposeAsync();
        }
        gateway = null;
        silos.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        // Gateway first, so no request is in flight when the silos go.
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
        await DataSource.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
