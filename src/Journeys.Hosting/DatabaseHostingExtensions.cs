namespace Journeys.Hosting;

public static class DatabaseHostingExtensions
{
    public static IServiceCollection AddJourneysDatabase(this IServiceCollection services, string connectionString, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(sp => new DatabaseMigrator(connectionString, sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        return services;
    }

    /// <summary>Runs the migrations (when configured) before the host starts Orleans.</summary>
    public static async Task MigrateJourneysDatabaseAsync(this WebApplication app)
    {
        var migrator = app.Services.GetService<DatabaseMigrator>();
        if (migrator is not null && app.Services.GetRequiredService<DatabaseSettings>().MigrateOnStartup)
        {
            await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
