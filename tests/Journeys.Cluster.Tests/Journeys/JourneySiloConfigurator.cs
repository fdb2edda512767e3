using Journeys.Grains.Profiles;
using Journeys.Channels;
using Journeys.Hosting;
using Journeys.Storage.Journal;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// What a production silo runs besides the providers: journal readers, profile grains, journey
/// catalogue and counters on PostgreSQL. Profiles read the test's fake clock; Orleans' own timers,
/// reminders and the counters' flush stay on real time.
/// </summary>
internal sealed class JourneySiloConfigurator : ISiloConfigurator
{
    // Readers measure how far behind they are on the silo's clock, and events carry the fake clock's time: months apart.
    public static readonly JournalOptions Journal = new() { Partitions = 2, YieldToIngestionUpTo = TimeSpan.MaxValue };

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[PostgresTestCluster.ConnectionStringKey]!;
        var clock = TestClocks.Get(siloBuilder.Configuration[TestClocks.ClockKey]!);
        siloBuilder.Services.AddJourneysJournal(Journal, connectionString);
        siloBuilder.Services.AddJourneysStats(connectionString);
        siloBuilder.AddJourneysGrains();
        // As in production (ConfigureJourneysCluster): a killed silo is declared dead within seconds.
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
        });
        // Messages are queued in the outbox as in production; no dispatcher sends them here.
        siloBuilder.Services.AddJourneysMessaging(new DeliverySettings(), connectionString);
        siloBuilder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ProfileGrainServices>(sp, clock));
    }
}
