using Journeys.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journeys.TestSupport;

/// <summary>A fresh database brought to the current schema by <see cref="DatabaseMigrator"/>.</summary>
public sealed class MigratedDatabase
{
    private MigratedDatabase(string connectionString, IReadOnlyList<string> appliedScripts)
    {
        ConnectionString = connectionString;
        AppliedScripts = appliedScripts;
    }

    public string ConnectionString { get; }

    /// <summary>The migration scripts the migrator ran, in order.</summary>
    public IReadOnlyList<string> AppliedScripts { get; }

    public static async Task<MigratedDatabase> CreateAsync(PostgresServer server, string? name = null)
    {
        var connectionString = await server.CreateDatabaseAsync(name);
        var applied = await new DatabaseMigrator(connectionString, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return new MigratedDatabase(connectionString, applied);
    }
}
