using Journeys.Contracts.Profiles;
using Journeys.Storage.Journal;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// A profile's save runs beside its other work: while the group commit carrying its document waits on the database,
/// the profile goes on applying what its reader delivers (a reader's batch waits for its slowest profile, so a
/// profile waiting for its own write held back every event of its partition). The position it reports as saved is
/// only ever one that is durable.
/// </summary>
public sealed class ProfileSaveInFlightClusterTests(PostgresFixture postgres)
{
    private const string Kind = "customer";

    [Fact]
    public async Task A_profile_applies_events_while_its_save_waits_on_the_database_and_reports_it_saved_only_once_it_is_written()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        const string id = "slow-save";
        var profile = journeys.Cluster.Client.GetProfile(Kind, id);
        await journeys.SendAsync(Calls.PageView(id));
        await profile.FlushAsync();
        var versionBefore = await RowLock.VersionAsync(journeys.ConnectionString, $"{Kind}/{id}");

        await using (var rowLock = await RowLock.TakeAsync(journeys.ConnectionString, $"{Kind}/{id}"))
        {
            var first = await journeys.IngestAsync([Calls.PageView(id)]);
            await UntilAppliedAsync(profile, first, "the profile applied the first event");
            await profile.BeginFlushAsync();
            var saved = profile.SavedAsync();

            // The reader's own checkpoints ask this profile to save too while its write waits: asked during a write,
            // a save follows it instead of holding the profile's turn.
            var more = new List<JournalRecord>();
            for (var i = 0; i < 3; i++)
            {
                more.AddRange(await journeys.IngestAsync([Calls.PageView(id)]));
                await profile.BeginFlushAsync();
                await Task.Delay(1000, TestContext.Current.CancellationToken);
            }
            await UntilAppliedAsync(profile, more, "the profile applied events while its save waited on the database");

            Assert.False(saved.IsCompleted, "the profile reported a save that the database had not written");
            Assert.Equal(versionBefore, await RowLock.VersionAsync(journeys.ConnectionString, $"{Kind}/{id}"));
            await rowLock.ReleaseAsync();

            var savedAfter = await saved.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(savedAfter >= more.Max(r => r.Position), $"saved up to {savedAfter}, but the saves asked for after the last event hold it");
        }

        Assert.True(await RowLock.VersionAsync(journeys.ConnectionString, $"{Kind}/{id}") >= versionBefore + 2, "the save asked for during the write did not follow it");

        // What the row holds is the profile as it applied them: every event once, after a fresh activation reads it.
        await journeys.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var held = System.Text.Json.Nodes.JsonNode.Parse((await profile.GetAsync()).StateJson)!;
        Assert.Equal(5L, (long)held["eventCount"]!);
    }

    private static async Task UntilAppliedAsync(IProfileGrain profile, IReadOnlyList<JournalRecord> events, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await profile.GetAsync()).LastAppliedPosition < events.Max(r => r.Position))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A transaction holding a profile's row, so that every write of it waits, as on a database that is slow to commit.</summary>
    private sealed class RowLock : IAsyncDisposable
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlTransaction transaction;

        private RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            this.connection = connection;
            this.transaction = transaction;
        }

        public static async Task<RowLock> TakeAsync(string connectionString, string grainId)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var lockRow = new NpgsqlCommand("SELECT 1 FROM profile_state WHERE grain_id = @grain_id AND state_name = 'profile' FOR UPDATE", connection, transaction);
            lockRow.Parameters.AddWithValue("grain_id", grainId);
            Assert.NotNull(await lockRow.ExecuteScalarAsync());
            return new RowLock(connection, transaction);
        }

        /// <summary>The version of the profile's saved row: each write that went through adds one.</summary>
        public static async Task<long> VersionAsync(string connectionString, string grainId)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT version FROM profile_state WHERE grain_id = @grain_id AND state_name = 'profile'", connection);
            read.Parameters.AddWithValue("grain_id", grainId);
            return Convert.ToInt64(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public Task ReleaseAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
