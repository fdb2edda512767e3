using Journeys.Contracts.Profiles;
using Journeys.Storage.Journal;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// A profile's saved row goes back behind what its activation applied while the activation and its journal
/// reader keep running with their memory ahead of the database (with <c>synchronous_commit=off</c>, as profile
/// writes once were, a PostgreSQL crash did exactly this to a save reported as done). The profile's next write
/// finds another version, its activation ends, and the reader replays from its checkpoint. That works only while
/// the checkpoint has not passed the lost save: a checkpoint written between the loss and that write would make the
/// loss permanent, which is why profile writes are synchronous commits now. The test holds checkpoint writes back
/// for the whole window, as a database that is down refuses them.
/// </summary>
public sealed class LostProfileSaveClusterTests(PostgresFixture postgres)
{
    private const string Kind = "customer";

    [Fact]
    public async Task A_profile_save_lost_in_a_database_crash_is_replayed_from_the_checkpoint_and_every_event_applies_once()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        const string id = "lost-save";
        var profile = journeys.Cluster.Client.GetProfile(Kind, id);
        await SendThreeSavedPageViewsAsync(journeys, profile, id);

        await using var crash = await DatabaseCrash.BeginAsync(journeys.ConnectionString, Kind, id);
        // Applied, saved and answered as saved, but not durable yet when the database crashes.
        var lost = await journeys.IngestAsync([Calls.PageView(id), Calls.PageView(id)]);
        await UntilAppliedAsync(profile, lost, "the profile applied the events to be lost");
        await profile.FlushAsync();
        await crash.LoseSavesSinceBeginAsync();

        // The activation applies the next event on top of what the database lost; its save finds another version.
        var next = await journeys.IngestAsync([Calls.PageView(id)]);
        await UntilAppliedAsync(profile, next, "the activation applied the event after the loss");
        await crash.EndAsync();
        await journeys.UntilDeliveredAsync(next);

        await AssertEachEventAppliedOnceAsync(profile, 6);
    }

    [Fact]
    public async Task An_activation_that_read_its_state_before_another_activations_last_save_takes_that_save_and_applies_every_event_once()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        const string id = "stale-activation";
        var profile = journeys.Cluster.Client.GetProfile(Kind, id);
        var olderPosition = await SendThreeSavedPageViewsAsync(journeys, profile, id);
        var older = await SavedRow.ReadAsync(journeys.ConnectionString, Kind, id);
        await journeys.SendAsync(Calls.PageView(id), Calls.PageView(id));
        var latestPosition = await profile.FlushAsync();
        var latest = await SavedRow.ReadAsync(journeys.ConnectionString, Kind, id);

        // Two activations of one profile, as after a silo failure: the first is collected, the second reads the
        // older save, and the first one's last save lands after that read.
        await journeys.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        await older.WriteAsync(journeys.ConnectionString, latest.Version + 1);
        Assert.Equal(olderPosition, (await profile.GetAsync()).LastAppliedPosition);
        await latest.WriteAsync(journeys.ConnectionString, latest.Version + 2);

        // The reader saw the profile apply up to the latest save and delivers the next event.
        var delivery = await profile.ApplyAsync(journeys.Unjournaled(latestPosition, Calls.PageView(id)), previousPosition: latestPosition);

        Assert.True(delivery.Held, "the activation asked for a replay instead of taking the latest save");
        await AssertEachEventAppliedOnceAsync(profile, 6);
    }

    [Fact]
    public async Task A_delivery_after_an_event_the_activation_never_applied_is_refused_rather_than_applied_with_a_hole()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        const string id = "missed-event";
        var profile = journeys.Cluster.Client.GetProfile(Kind, id);
        var saved = await SendThreeSavedPageViewsAsync(journeys, profile, id);

        // Another activation of this profile applied two more events and ended without saving them; this one never saw them.
        var missed = journeys.Unjournaled(saved, Calls.PageView(id), Calls.PageView(id));
        var delivery = await profile.ApplyAsync(journeys.Unjournaled(missed[^1].Position, Calls.PageView(id)), previousPosition: missed[^1].Position);

        Assert.False(delivery.Held, "the activation applied the event on top of a hole");
        await AssertEachEventAppliedOnceAsync(profile, 3);
    }

    [Fact]
    public async Task A_profile_whose_save_went_back_behind_the_checkpoint_gets_its_own_events_again_and_its_partition_moves_on()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        const string id = "restored-from-backup";
        var profile = journeys.Cluster.Client.GetProfile(Kind, id);
        await SendThreeSavedPageViewsAsync(journeys, profile, id);

        // Profiles restored from a backup taken before this one's first save; the checkpoint stays past its events.
        await using (var connection = new NpgsqlConnection(journeys.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var restore = new NpgsqlCommand("DELETE FROM profile_state WHERE grain_id = @grain_id AND state_name = 'profile'", connection);
            restore.Parameters.AddWithValue("grain_id", $"{Kind}/{id}");
            Assert.Equal(1, await restore.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
        await journeys.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        // A replay from the checkpoint cannot give back events before it: the reader would rewind for ever.
        await journeys.SendAsync(Calls.PageView(id));

        await AssertEachEventAppliedOnceAsync(profile, 4);
    }

    /// <summary>Returns the position the profile's save holds.</summary>
    private static async Task<long> SendThreeSavedPageViewsAsync(JourneyCluster journeys, IProfileGrain profile, string id)
    {
        await journeys.SendAsync(Calls.PageView(id), Calls.PageView(id), Calls.PageView(id));
        return await profile.FlushAsync();
    }

    private static async Task AssertEachEventAppliedOnceAsync(IProfileGrain profile, int events)
    {
        var held = System.Text.Json.Nodes.JsonNode.Parse((await profile.GetAsync()).StateJson)!;
        var recent = held["recentEvents"]!.AsArray().Select(e => (string)e!["messageId"]!).ToList();
        Assert.Equal(((long)events, events), ((long)held["eventCount"]!, recent.Distinct().Count()));
        Assert.Equal(events, recent.Count);
    }

    private static async Task UntilAppliedAsync(IProfileGrain profile, IReadOnlyList<JournalRecord> events, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await profile.GetAsync()).LastAppliedPosition < events.Max(r => r.Position))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A profile's saved row, to put back later as another activation's save.</summary>
    private sealed record SavedRow(string GrainId, int Version, byte[] Payload)
    {
        public static async Task<SavedRow> ReadAsync(string connectionString, string kind, string id)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT version, payload FROM profile_state WHERE grain_id = @grain_id AND state_name = 'profile'", connection);
            read.Parameters.AddWithValue("grain_id", $"{kind}/{id}");
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the profile has a saved state");
            return new SavedRow($"{kind}/{id}", reader.GetInt32(0), reader.GetFieldValue<byte[]>(1));
        }

        public async Task WriteAsync(string connectionString, int version)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var write = new NpgsqlCommand("UPDATE profile_state SET version = @version, payload = @payload WHERE grain_id = @grain_id AND state_name = 'profile'", connection);
            write.Parameters.AddWithValue("version", version);
            write.Parameters.AddWithValue("payload", Payload);
            write.Parameters.AddWithValue("grain_id", GrainId);
            Assert.Equal(1, await write.ExecuteNonQueryAsync());
        }
    }

    /// <summary>
    /// Holds the checkpoints locked from <see cref="BeginAsync"/> to <see cref="EndAsync"/>, so no checkpoint can be
    /// written meanwhile, and remembers the profile's saved row; <see cref="LoseSavesSinceBeginAsync"/> puts that row
    /// back, and <see cref="EndAsync"/> ends the checkpoint writes waiting on the lock, as a crash ends their connections.
    /// </summary>
    private sealed class DatabaseCrash : IAsyncDisposable
    {
        private readonly string connectionString;
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlTransaction transaction;
        private readonly SavedRow saved;

        private DatabaseCrash(string connectionString, NpgsqlConnection connection, NpgsqlTransaction transaction, SavedRow saved)
        {
            this.connectionString = connectionString;
            this.connection = connection;
            this.transaction = transaction;
            this.saved = saved;
        }

        public static async Task<DatabaseCrash> BeginAsync(string connectionString, string kind, string id)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using (var lockCheckpoints = new NpgsqlCommand("LOCK TABLE journal_checkpoint IN EXCLUSIVE MODE", connection, transaction))
            {
                await lockCheckpoints.ExecuteNonQueryAsync();
            }
            return new DatabaseCrash(connectionString, connection, transaction, await SavedRow.ReadAsync(connectionString, kind, id));
        }

        /// <summary>The row as it was at <see cref="BeginAsync"/>, version included, as the database comes back without the later saves.</summary>
        public Task LoseSavesSinceBeginAsync() => saved.WriteAsync(connectionString, saved.Version);

        public async Task EndAsync()
        {
            await using (var endWaiting = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
                connection,
                transaction))
            {
                await endWaiting.ExecuteScalarAsync();
            }
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
