namespace Journeys.Cluster.Tests;

/// <summary>The throwaway server itself; restarting needs a private one, not the assembly's shared server.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task ARestartedServerKeepsItsPortAndCommittedData()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        // Unpooled, so no connection from before the restart is handed out again.
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync()) { Pooling = false }.ConnectionString;
        await Sql.ExecuteAsync(connectionString, "CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)");

        await server.RestartAsync();

        Assert.Equal([42], await Sql.QueryAsync(connectionString, "SELECT value FROM kept", r => r.GetInt32(0)));
    }

    [Fact]
    public async Task EveryCreatedDatabaseStartsEmpty()
    {
        await using var server = await PostgresServer.StartNewAsync();

        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();

        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
        Assert.Equal(0, await Sql.CountAsync(second, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }
}
