using Journeys.Storage.Stats;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Journeys.Hosting;

public static class StatsHostingExtensions
{
    /// <summary>Journey node counters and their breakdowns: PostgreSQL given a connection string, in memory for the embedded default.</summary>
    public static IServiceCollection AddJourneysStats(this IServiceCollection services, string? connectionString)
    {
        if (connectionString is null)
        {
            services.AddSingleton<IJourneyStatsStore, InMemoryJourneyStatsStore>();
            services.AddSingleton<IJourneyOutcomeStore, InMemoryJourneyOutcomeStore>();
            return services;
        }

        // Shares the journal's data source (one pool per process) when that is registered already.
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IJourneyStatsStore, PostgresJourneyStatsStore>();
        services.AddSingleton<IJourneyOutcomeStore, PostgresJourneyOutcomeStore>();
        return services;
    }
}
