using Npgsql;

namespace Journeys.Storage;

/// <summary>Reads and checks the PostgreSQL connection string setting.</summary>
public static class PostgresConnectionString
{
    public const string SettingName = "ConnectionStrings:Journeys";

    /// <summary>
    /// Parses the connection string and applies the pool budget; throws a
    /// <see cref="StorageConfigurationException"/> naming the setting when it is malformed.
    /// </summary>
    public static string Normalize(string? connectionString, int maxPoolSize)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException(
                $"{SettingName} is not set: give a PostgreSQL connection string, e.g. " +
                "ConnectionStrings__Journeys=\"Host=localhost;Database=journeys;Username=journeys;Password=...\".");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageConfigurationException($"{SettingName} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new StorageConfigurationException($"{SettingName} has no Host.");
        }

        // Connection exhaustion is the classic Orleans-on-Postgres failure: every process gets
        // an explicit budget unless the connection string sets its own.
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = maxPoolSize;
        }

        // The hot path runs a handful of statements thousands of times a second; planning each afresh
        // was ~17% of PostgreSQL's CPU in the popup benchmark. Prepared, they are planned once per connection.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
    }
}
