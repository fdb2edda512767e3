using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace Journeys.Hosting;

public static class SiloHostingExtensions
{
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// A production silo: AdoNet clustering, grain storage and reminders on PostgreSQL,
    /// migrations before start, health and dashboard on the operations port.
    /// </summary>
    public static WebApplicationBuilder AddJourneysSilo(this WebApplicationBuilder builder)
    {
        var settings = JourneysSettings.From(builder.Configuration);
        var connectionString = PostgresConnectionString.Normalize(settings.ConnectionString, settings.Database.MaxPoolSize);

        builder.WebHost.UseUrls($"http://0.0.0.0:{settings.Operations.Port}");
        builder.AddPostgresSilo(settings, connectionString);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>
    /// Everything a silo of the PostgreSQL cluster runs: the silo host's whole job, and a gateway's
    /// second one when it co-hosts a silo (<c>Orleans:HostSilo</c>).
    /// </summary>
    internal static WebApplicationBuilder AddPostgresSilo(this WebApplicationBuilder builder, JourneysSettings settings, string connectionString)
    {
        builder.Services.AddJourneysDatabase(connectionString, settings.Database);
        builder.Services.AddJourneysJournal(settings.Journal, connectionString);
        builder.Services.AddJourneysStats(connectionString);
        builder.Services.AddJourneysMessaging(settings.Delivery, connectionString).AddJourneysDispatcher(settings.Delivery);
        builder.UseOrleans(silo => silo
            .ConfigureJourneysCluster(settings)
            .UsePostgresProviders(connectionString)
            .AddJourneysGrains()
            .AddDashboard());
        builder.Services.AddJourneysHealthChecks(connectionString).AddCheck<SiloMembershipHealthCheck>("cluster", tags: ["ready"]);
        return builder;
    }

    public static ISiloBuilder ConfigureJourneysCluster(this ISiloBuilder silo, JourneysSettings settings)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.Orleans.ClusterId;
            o.ServiceId = settings.Orleans.ServiceId;
        });
        silo.ConfigureEndpoints(
            AdvertisedAddress(settings.Orleans.AdvertisedIPAddress),
            settings.Orleans.SiloPort,
            settings.Orleans.GatewayPort,
            listenOnAnyHostAddress: true);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // Defaults declare a killed silo dead in 10-20 s; these do it in about 5 s, so its journal
            // partitions and profiles move within the error window docs/design.md ("Failover") budgets.
            o.ProbeTimeout = settings.Orleans.ProbeTimeout;
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30);
        });
        return silo;
    }

    /// <summary>Clustering, grain storage (default provider) and reminders on the Orleans AdoNet providers; profile state grouped.</summary>
    public static ISiloBuilder UsePostgresProviders(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddProfileGrainStorage(connectionString);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// Profile state goes through a grouped store instead of the AdoNet provider, which runs one
    /// statement and one transaction per write: at thousands of events per second over many profiles
    /// that was the ceiling (docs/benchmarks.md). Its writes are synchronous commits: a save that reported
    /// success is durable, so a journal reader may checkpoint past a profile that saved without writing it
    /// again (a group shares its fsync as it shares its statement).
    /// </summary>
    private static ISiloBuilder AddProfileGrainStorage(this ISiloBuilder silo, string connectionString)
    {
        return silo.AddProfileGrainStorage(sp => new Storage.GrainState.BatchedGrainStateStore(
            Npgsql.NpgsqlDataSource.Create(connectionString),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<ILogger<Storage.GrainState.BatchedGrainStateStore>>()));
    }

    /// <summary>
    /// The profile storage provider over a state store with a due index (PostgreSQL, or memory in the
    /// embedded default): the partition scanners wake waiting profiles from it, no reminder per profile.
    /// </summary>
    public static ISiloBuilder AddProfileGrainStorage(this ISiloBuilder silo, Func<IServiceProvider, Storage.GrainState.IGrainStateStore> store)
    {
        silo.Services.AddSingleton(store);
        // Silos without the journal (storage tests) still need a partition count for the due index.
        silo.Services.TryAddSingleton(new Storage.Journal.JournalOptions());
        silo.Services.AddGrainStorage(Grains.Profiles.ProfileStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<BatchedGrainStorage>(sp));
        return silo;
    }

    /// <summary>What every Journeys silo runs besides the grains themselves.</summary>
    public static ISiloBuilder AddJourneysGrains(this ISiloBuilder silo)
    {
        silo.AddStartupTask<Grains.Journal.JournalReadersStartupTask>();
        silo.Services.AddSingleton<Grains.Segments.SegmentDefinitions>();
        silo.Services.AddSingleton<Grains.Running.LiveJourneys>();
        silo.Services.AddSingleton<Grains.Running.JourneyStatsBuffer>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<Grains.Running.JourneyStatsBuffer>());
        silo.Services.AddSingleton<Grains.Profiles.ProfileGrainServices>();
        silo.Services.AddSingleton<Grains.Profiles.DueProfileScanner>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    private static IPAddress AdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.Parse(configured);
        }

        var addresses = Dns.GetHostAddresses(Dns.GetHostName());
        return addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
