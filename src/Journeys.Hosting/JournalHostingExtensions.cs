using Journeys.Storage.Journal;
using Npgsql;

namespace Journeys.Hosting;

public static class JournalHostingExtensions
{
    /// <summary>The event journal: PostgreSQL given a connection string, in memory for the embedded default.</summary>
    public static IServiceCollection AddJourneysJournal(this IServiceCollection services, JournalOptions options, string? connectionString)
    {
        services.AddSingleton(options);
        if (connectionString is null)
        {
            services.AddSingleton<IEventJournal, InMemoryEventJournal>();
            return services;
        }

        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<JournalWriter>();
        services.AddSingleton<JournalReader>();
        services.AddSingleton<IEventJournal, PostgresEventJournal>();
        return services;
    }
}
