using Orleans.TestingHost;

namespace Journeys.Cluster.Tests;

/// <summary>A two-silo <see cref="PostgresTestCluster"/> on its own migrated database, shared by one test class.</summary>
public sealed class PostgresClusterFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private MigratedDatabase? _database;
    private TestCluster? _cluster;

    public string ConnectionString => (_database ?? throw NotStarted()).ConnectionString;

    public TestCluster Cluster => _cluster ?? throw NotStarted();

    public async ValueTask InitializeAsync()
    {
        _database = await MigratedDatabase.CreateAsync(postgres.Server);
        _cluster = await PostgresTestCluster.StartAsync(_database.ConnectionString, silos: 2);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The cluster fixture has not been initialized.");
}
