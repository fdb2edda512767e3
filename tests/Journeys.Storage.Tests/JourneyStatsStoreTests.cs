using Journeys.Storage.Stats;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Storage.Tests;

/// <summary>The PostgreSQL store on a real server, and the in-memory one of the embedded default against the same expectations.</summary>
public sealed class JourneyStatsStoreTests(PostgresFixture postgres) : StoreContractTests<IJourneyStatsStore>(postgres)
{
    protected override IJourneyStatsStore InPostgres() => new PostgresJourneyStatsStore(DataSource);

    protected override IJourneyStatsStore InMemory() => new InMemoryJourneyStatsStore();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Batches_add_to_each_node_counters_and_a_node_twice_in_one_batch_is_summed(string kind)
    {
        var store = Store(kind);

        await store.AddAsync(
        [
            new("cart", 1, "wait-order", Entered: 3, Waiting: 3),
            new("cart", 1, "wait-order", Entered: 2, Waiting: 2),
            new("cart", 1, "email", Entered: 1, Passed: 1),
            new("other", 1, "wait-order", Entered: 9),
        ], TestContext.Current.CancellationToken);
        await store.AddAsync(
        [
            new("cart", 1, "wait-order", Passed: 4, Waiting: -4),
            new("cart", 2, "email", Suppressed: 1, Converted: 2, Exited: 1),
            new("cart", 2, "email", Converted: 1),
        ], TestContext.Current.CancellationToken);

        var rows = await store.ReadAsync("cart", TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            new("cart", 1, "email", Entered: 1, Passed: 1),
            new("cart", 1, "wait-order", Entered: 5, Passed: 4, Waiting: 1),
            new("cart", 2, "email", Exited: 1, Converted: 3, Suppressed: 1),
        ], rows);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Concurrent_batches_on_the_same_nodes_are_all_counted(string kind)
    {
        var store = Store(kind);
        var nodes = new[] { "a", "b", "c", "d" };

        // Each writer lists the nodes in its own order: overlapping upserts must neither lose a delta nor deadlock.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(writer => store.AddAsync(
            [.. nodes.Select((node, i) => new NodeStatDelta("busy", 1, nodes[(i + writer) % nodes.Length], Entered: 1, Waiting: writer % 2 == 0 ? 1 : -1))],
            TestContext.Current.CancellationToken)));

        var rows = await store.ReadAsync("busy", TestContext.Current.CancellationToken);
        Assert.Equal(nodes, rows.Select(r => r.NodeId));
        Assert.All(rows, row => Assert.Equal((40L, 0L), (row.Entered, row.Waiting)));
    }

    [Fact]
    public async Task A_batch_is_one_statement_that_stamps_the_update_time()
    {
        var store = new PostgresJourneyStatsStore(DataSource);

        await store.AddAsync([new("stamped", 1, "n", Entered: 1), new("stamped", 1, "m", Entered: 1)], TestContext.Current.CancellationToken);

        await using var command = DataSource.CreateCommand(
            "SELECT count(DISTINCT xmin::text), bool_and(updated_at > now() - interval '1 minute') FROM journey_node_stats WHERE journey_id = 'stamped'");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.True(reader.GetBoolean(1));
    }
}
