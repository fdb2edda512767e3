using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Journeys.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>
    /// The gateway's Orleans side. With <c>ConnectionStrings:Journeys</c> it is a cluster client
    /// that finds silos in the Postgres membership table, or, with <c>Orleans:HostSilo</c>, a silo of
    /// that cluster itself (one process per machine: no hop between the HTTP side and the grains);
    /// without it, it co-hosts a silo in this process with in-memory storage (the embedded default:
    /// one command, nothing durable).
    /// </summary>
    public static WebApplicationBuilder AddJourneysGateway(this WebApplicationBuilder builder)
    {
        var settings = JourneysSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        if (!settings.HasDatabase)
        {
            builder.Services.AddJourneysJournal(settings.Journal, connectionString: null);
            builder.Services.AddJourneysStats(connectionString: null);
            builder.Services.AddJourneysMessaging(settings.Delivery, connectionString: null).AddJourneysDispatcher(settings.Delivery);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(settings.Orleans.SiloPort, settings.Orleans.GatewayPort, serviceId: settings.Orleans.ServiceId, clusterId: settings.Orleans.ClusterId)
                .AddMemoryGrainStorageAsDefault()
                .AddProfileGrainStorage(_ => new Storage.GrainState.InMemoryGrainStateStore())
                .UseInMemoryReminderService()
                .AddJourneysGrains()
                .AddDashboard());
            builder.Services.AddJourneysHealthChecks(connectionString: null).AddCheck<SiloMembershipHealthCheck>("cluster", tags: ["ready"]);
            builder.Services.AddHostedService<EmbeddedModeBanner>();
            return builder;
        }

        var connectionString = PostgresConnectionString.Normalize(settings.ConnectionString, settings.Database.MaxPoolSize);
        if (settings.Orleans.HostSilo)
        {
            builder.AddPostgresSilo(settings, connectionString);
            builder.Services.AddHostedService<ListeningBanner>();
            return builder;
        }

        builder.Services.AddJourneysDatabase(connectionString, settings.Database);
        builder.Services.AddJourneysJournal(settings.Journal, connectionString);
        builder.Services.AddJourneysStats(connectionString);
        builder.Services.AddJourneysMessaging(settings.Delivery, connectionString);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.Orleans.ClusterId;
                o.ServiceId = settings.Orleans.ServiceId;
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = SiloHostingExtensions.AdoNetInvariant;
                o.ConnectionString = connectionString;
            })
            // The default (1 min) leaves a silo restarted after a crash unused by this gateway for that long.
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .UseConnectionRetryFilter<WaitForSilosRetryFilter>()
            .AddDashboard());
        builder.Services.AddJourneysHealthChecks(connectionString).AddCheck<ClusterClientHealthCheck>("cluster", tags: ["ready"]);
        builder.Services.AddHostedService<ListeningBanner>();
        return builder;
    }

    /// <summary>Says loudly that this process keeps nothing, then where it listens.</summary>
    private sealed class EmbeddedModeBanner(IServer server, IHostApplicationLifetime lifetime, ILogger<EmbeddedModeBanner> logger)
        : ListeningBanner(server, lifetime, logger)
    {
        protected override void OnStarted(IReadOnlyCollection<string> addresses)
        {
            Logger.LogWarning(
                "Embedded mode: {Setting} is not set, so this gateway co-hosts a silo with in-memory storage. Nothing is durable; set it to run on PostgreSQL",
                PostgresConnectionString.SettingName);
            base.OnStarted(addresses);
        }
    }

    private class ListeningBanner(IServer server, IHostApplicationLifetime lifetime, ILogger logger) : IHostedService
    {
        protected ILogger Logger => logger;

        public ListeningBanner(IServer server, IHostApplicationLifetime lifetime, ILogger<ListeningBanner> logger)
            : this(server, lifetime, (ILogger)logger)
        {
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
                OnStarted(server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? []));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual void OnStarted(IReadOnlyCollection<string> addresses)
        {
            foreach (var address in addresses)
            {
                logger.LogInformation("Journeys gateway on {Address}: dashboards {Address}/dashboard/, health {Address}/health/ready, Orleans dashboard {Address}/orleans", address, address, address, address);
            }
        }
    }
}
