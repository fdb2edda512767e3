using Journeys.Storage.Journal;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journeys.Storage.Tests;

public sealed class JournalWriterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private NpgsqlDataSource dataSource = null!;
    private JournalWriter writer = null!;
    private JournalReader reader = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        writer = new JournalWriter(dataSource, new JournalOptions { Partitions = 4 }, NullLogger<JournalWriter>.Instance);
        reader = new JournalReader(dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Appended_events_are_committed_with_positions_in_their_profile_partition()
    {
        var result = await writer.AppendAsync([Entry("m1", "alice"), Entry("m2", "bob")], TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Stored.Count);
        Assert.Equal(0, result.Duplicates);
        foreach (var record in result.Stored)
        {
            Assert.Equal(JournalPartitioner.PartitionOf("customer", record.ProfileId, 4), record.Partition);
        }
        Assert.Equal(2L, await Count());
    }

    [Fact]
    public async Task A_resent_message_id_is_acknowledged_again_but_stored_once()
    {
        await writer.AppendAsync([Entry("dup-1", "alice")], TestContext.Current.CancellationToken);

        var again = await writer.AppendAsync([Entry("dup-1", "alice"), Entry("dup-1", "alice"), Entry("new-1", "alice")], TestContext.Current.CancellationToken);

        Assert.Single(again.Stored);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal(2L, await Count());
    }

    [Fact]
    public async Task Concurrent_requests_share_commits_and_every_one_is_stored_exactly_once()
    {
        var requests = Enumerable.Range(0, 200)
            .Select(r => writer.AppendAsync(Enumerable.Range(0, 50).Select(i => Entry($"c-{r}-{i}", $"p{i % 17}")).ToList(), TestContext.Current.CancellationToken))
            .ToList();

        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.Equal(50, r.Stored.Count));
        Assert.Equal(10_000L, await Count());
        var transactions = await Scalar<long>("SELECT count(DISTINCT txid) FROM journal");
        Assert.True(transactions < 200, $"{transactions} transactions for 200 requests: commits were not shared");
    }

    [Fact]
    public async Task A_partition_is_read_in_position_order_after_a_position()
    {
        var stored = (await writer.AppendAsync(Enumerable.Range(0, 30).Select(i => Entry($"r-{i}", "carol")).ToList(), TestContext.Current.CancellationToken)).Stored;
        var partition = stored[0].Partition;

        var first = await reader.ReadPartitionAsync(partition, 0, 10, TestContext.Current.CancellationToken);
        var rest = await reader.ReadPartitionAsync(partition, first[^1].Record.Position, 100, TestContext.Current.CancellationToken);

        Assert.Equal(stored.Select(s => s.MessageId), first.Concat(rest).Select(r => r.Record.MessageId));
    }

    [Fact]
    public Task A_partition_read_gives_each_event_its_profiles_previous_position_also_before_the_read() =>
        EachEventComesWithItsProfilesPreviousPositionAsync(new PostgresEventJournal(writer, reader, new JournalOptions { Partitions = 4 }));

    [Fact]
    public Task The_embedded_journal_gives_each_event_its_profiles_previous_position_also_before_the_read() =>
        EachEventComesWithItsProfilesPreviousPositionAsync(new InMemoryEventJournal(new JournalOptions { Partitions = 4 }));

    /// <summary>
    /// A profile activation checks it holds the event before a delivery; across reads that event is one the read did not return.
    /// One that misses events gets its own again, from its save on.
    /// </summary>
    private static async Task EachEventComesWithItsProfilesPreviousPositionAsync(IEventJournal journal)
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = (await journal.AppendAsync([Entry("v-1", "fay"), Entry("v-2", "gus"), Entry("v-3", "fay"), Entry("v-4", "hal"), Entry("v-5", "fay")], ct)).Stored;
        var fay = stored.Where(r => r.ProfileId == "fay").Select(r => r.Position).ToList();
        var partition = stored.First(r => r.ProfileId == "fay").Partition;

        var all = await journal.ReadPartitionAsync(partition, 0, 100, ct);
        var later = await journal.ReadPartitionAsync(partition, fay[0], 100, ct);

        Assert.Equal([0, fay[0], fay[1]], all.Where(r => r.Record.ProfileId == "fay").Select(r => r.ProfilePrevious));
        Assert.Equal([fay[0], fay[1]], later.Where(r => r.Record.ProfileId == "fay").Select(r => r.ProfilePrevious));
        Assert.All(all.Where(r => r.Record.ProfileId != "fay"), r => Assert.Equal(0, r.ProfilePrevious));
        Assert.Equal(fay[1..], (await journal.ReadProfileEventsAsync("customer", "fay", fay[0], fay[2], ct)).Select(r => r.Position));
        Assert.Equal(fay[..2], (await journal.ReadProfileEventsAsync("customer", "fay", 0, fay[1], ct)).Select(r => r.Position));
    }

    /// <summary>
    /// Readers take every committed row after their position, so no commit may become visible while one with a smaller
    /// position is still in flight: every commit holds the writer lock from before it draws a position until it is visible.
    /// </summary>
    [Fact]
    public async Task A_reader_sees_no_later_position_while_an_earlier_commit_is_in_flight()
    {
        var ct = TestContext.Current.CancellationToken;
        // Another gateway's commit, stopped between drawing its position and committing, holding the lock as every commit does.
        await using var otherGateway = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await otherGateway.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(
            """
            WITH one_writer AS MATERIALIZED (SELECT pg_advisory_xact_lock(@key))
            INSERT INTO journal (message_id, partition, profile_kind, profile_id, type, occurred_at, received_at, payload)
            SELECT 'slow', 0, 'customer', 'x', 'track', now(), now(), '{}' FROM one_writer
            """, otherGateway, transaction))
        {
            insert.Parameters.AddWithValue("key", JournalWriter.WriterLockKey);
            await insert.ExecuteNonQueryAsync(ct);
        }

        var later = writer.AppendAsync([Entry("fast", "y")], ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        var fastPartition = JournalPartitioner.PartitionOf("customer", "y", 4);

        Assert.False(later.IsCompleted, "a commit became visible while one with a smaller position was in flight");
        Assert.Empty(await reader.ReadPartitionAsync(0, 0, 10, ct));
        Assert.Empty(await reader.ReadPartitionAsync(fastPartition, 0, 10, ct));

        await transaction.CommitAsync(ct);
        var fast = Assert.Single((await later).Stored);
        var slow = Assert.Single(await reader.ReadPartitionAsync(0, 0, 10, ct), r => r.Record.MessageId == "slow");
        Assert.True(fast.Position > slow.Record.Position, $"fast {fast.Position} after slow {slow.Record.Position}");
    }

    [Fact]
    public async Task An_append_waits_while_another_gateway_is_committing_to_the_journal()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var otherGateway = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await otherGateway.BeginTransactionAsync(ct);
        await using (var takeLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", otherGateway, transaction))
        {
            takeLock.Parameters.AddWithValue("key", JournalWriter.WriterLockKey);
            await takeLock.ExecuteNonQueryAsync(ct);
        }

        var append = writer.AppendAsync([Entry("after-other", "zoe")], ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        Assert.False(append.IsCompleted);

        await transaction.CommitAsync(ct);
        Assert.Single((await append).Stored);
    }

    [Fact]
    public async Task A_checkpoint_only_moves_forward()
    {
        await reader.SaveCheckpointAsync(3, 100, TestContext.Current.CancellationToken);
        await reader.SaveCheckpointAsync(3, 40, TestContext.Current.CancellationToken);

        Assert.Equal(100, await reader.ReadCheckpointAsync(3, TestContext.Current.CancellationToken));
        Assert.Equal(0, await reader.ReadCheckpointAsync(2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Erasing_a_profile_replaces_its_payloads_and_keeps_the_others()
    {
        await writer.AppendAsync([Entry("e-1", "dave", """{"traits":{"email":"dave@example.com"}}"""), Entry("e-2", "erin")], TestContext.Current.CancellationToken);

        var erased = await reader.ErasePayloadsAsync("customer", "dave", TestContext.Current.CancellationToken);

        Assert.Equal(1, erased);
        var dave = Assert.Single(await reader.ReadProfileAsync("customer", "dave", 10, TestContext.Current.CancellationToken));
        Assert.DoesNotContain("dave@example.com", dave.Payload, StringComparison.Ordinal);
        Assert.Single(await reader.ReadProfileAsync("customer", "erin", 10, TestContext.Current.CancellationToken));
    }

    private static JournalEntry Entry(string messageId, string profileId, string payload = "{}") =>
        new(messageId, "customer", profileId, "track", "Page Viewed", Now, Now, payload);

    private Task<long> Count() => Scalar<long>("SELECT count(*) FROM journal");

    private async Task<T> Scalar<T>(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
