using Xunit;

namespace Journeys.TestSupport;

/// <summary>
/// A migrated database shared by the tests of one class (use as <c>IClassFixture</c>); tests
/// keep apart by their own keys, e.g. a ClusterId or ServiceId each.
/// </summary>
public sealed class MigratedDatabaseFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private MigratedDatabase? _database;

    public string ConnectionString => (_database ?? throw new InvalidOperationException("The database fixture has not been initialized.")).ConnectionString;

    public async ValueTask InitializeAsync() => _database = await MigratedDatabase.CreateAsync(postgres.Server);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
