using Journeys.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journeys.Cluster.Tests;

public sealed class DatabaseMigratorTests(PostgresFixture postgres)
{
    private static readonly string[] EmbeddedScripts = typeof(DatabaseMigrator).Assembly
        .GetManifestResourceNames()
        .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void TheOrleansProviderMigrationsComeFirstInNameOrder()
    {
        Assert.Equal(
        [
            "Journeys.Storage.Migrations.0001_orleans_query_table.sql",
            "Journeys.Storage.Migrations.0002_orleans_clustering.sql",
            "Journeys.Storage.Migrations.0003_orleans_grain_storage.sql",
            "Journeys.Storage.Migrations.0004_orleans_reminders.sql",
        ], EmbeddedScripts.Take(4));
    }

    [Fact]
    public async Task AFreshDatabaseGetsEveryScriptInNameOrder()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);

        Assert.Equal(EmbeddedScripts, database.AppliedScripts);
        Assert.Equal(EmbeddedScripts.Length, await Sql.CountAsync(database.ConnectionString, "SELECT count(*) FROM schema_versions"));
    }

    [Fact]
    public async Task ASecondRunAppliesNothingAndLeavesTheSchemaAsItWas()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        var before = await SchemaSnapshot.TakeAsync(database.ConnectionString);

        var applied = await Migrator(database.ConnectionString).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(applied);
        Assert.Equal(before, await SchemaSnapshot.TakeAsync(database.ConnectionString));
    }

    [Fact]
    public async Task RunningEveryScriptAgainOutsideTheJournalChangesNothing()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        var before = await SchemaSnapshot.TakeAsync(database.ConnectionString);

        foreach (var script in EmbeddedScripts)
        {
            await Sql.ExecuteAsync(database.ConnectionString, ReadScript(script));
        }

        Assert.Equal(before, await SchemaSnapshot.TakeAsync(database.ConnectionString));
    }

    [Fact]
    public async Task TwoMigratorsStartedTogetherOnOneEmptyDatabaseBothSucceed()
    {
        var connectionString = await postgres.CreateDatabaseAsync();

        var runs = await Task.WhenAll(
            Task.Run(() => Migrator(connectionString).MigrateAsync(TestContext.Current.CancellationToken)),
            Task.Run(() => Migrator(connectionString).MigrateAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(EmbeddedScripts, runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
        Assert.Contains(runs, applied => applied.Count == 0);
        Assert.Equal(EmbeddedScripts.Length, await Sql.CountAsync(connectionString, "SELECT count(*) FROM schema_versions"));
    }

    private static DatabaseMigrator Migrator(string connectionString) =>
        new(connectionString, NullLogger<DatabaseMigrator>.Instance);

    private static string ReadScript(string resourceName)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
