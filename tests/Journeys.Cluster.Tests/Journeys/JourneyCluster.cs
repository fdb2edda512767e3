using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Contracts.Journal;
using Journeys.Contracts.Journeys;
using Journeys.Contracts.Profiles;
using Journeys.Engine;
using Journeys.Engine.Events;
using Journeys.Engine.Journeys;
using Journeys.Grains.Journal;
using Journeys.Grains.Profiles;
using Journeys.Storage;
using Journeys.Storage.Journal;
using Journeys.Storage.Stats;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// A test cluster running journeys on PostgreSQL with a fake clock. Events take the production
/// path: parsed, fanned out and committed to the journal, then delivered by the partition readers.
/// Time moves only when a test advances it; the partition readers' due scans (every second, and
/// on demand through <see cref="WakeDueAsync"/>) read the fake clock and wake the profiles due by it.
/// </summary>
public sealed class JourneyCluster : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero); // a Monday morning

    private readonly string clockName;
    private readonly NpgsqlDataSource dataSource;
    private readonly JournalWriter writer;
    private readonly PostgresEventJournal journal;

    private JourneyCluster(TestCluster cluster, string connectionString, string clockName, FakeTimeProvider clock)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
        this.clockName = clockName;
        Clock = clock;
        dataSource = NpgsqlDataSource.Create(connectionString);
        writer = new JournalWriter(dataSource, JourneySiloConfigurator.Journal, NullLogger<JournalWriter>.Instance);
        journal = new PostgresEventJournal(writer, new JournalReader(dataSource), JourneySiloConfigurator.Journal);
        Stats = new PostgresJourneyStatsStore(dataSource);
        Outcomes = new PostgresJourneyOutcomeStore(dataSource);
    }

    public TestCluster Cluster { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public IJourneyStatsStore Stats { get; }

    public IJourneyOutcomeStore Outcomes { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<JourneyCluster> StartAsync(PostgresServer server, short silos)
    {
        var database = await MigratedDatabase.CreateAsync(server);
        // Small pools, as production budgets them (Database__MaxPoolSize): test classes share one server.
        var connectionString = PostgresConnectionString.Normalize(database.ConnectionString, maxPoolSize: 8);
        var (name, clock) = TestClocks.Create(Start);
        var cluster = await PostgresTestCluster.StartAsync(connectionString, silos, builder =>
        {
            builder.Properties[TestClocks.ClockKey] = name;
            builder.AddSiloBuilderConfigurator<JourneySiloConfigurator>();
        });
        return new JourneyCluster(cluster, connectionString, name, clock);
    }

    /// <summary>Publishes sample journeys as the embedded default does.</summary>
    public async Task PublishSamplesAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await PublishAsync(SampleJourneys.Load(name).Id, SampleJourneys.Json(name));
        }
    }

    public async Task PublishAsync(string id, string json)
    {
        var catalog = Cluster.Client.GetGrain<IJourneyCatalogGrain>(0);
        await catalog.SaveDraftAsync(id, json);
        await catalog.PublishAsync(id, JourneyStatuses.Keep, nodeMapping: null);
    }

    /// <summary>Commits a batch of Segment calls to the journal and waits until the readers delivered and saved them.</summary>
    public async Task SendAsync(IEnumerable<JsonObject> calls) => await UntilDeliveredAsync(await IngestAsync(calls));

    /// <summary>Waits until the readers delivered <paramref name="appended"/> and saved their checkpoints past it.</summary>
    public async Task UntilDeliveredAsync(IReadOnlyList<JournalRecord> appended)
    {
        // A reader retries a failed delivery at its next poll, so catching up may take more than one call.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var partition in appended.GroupBy(r => r.Partition, r => r.Position))
        {
            var reader = Cluster.Client.GetGrain<IJournalPartitionGrain>(partition.Key);
            while (await reader.CatchUpAsync() < partition.Max())
            {
                Assert.True(DateTime.UtcNow < deadline, $"journal partition {partition.Key} did not deliver up to {partition.Max()}");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>What the gateway does: commits the calls to the journal and notifies the partition readers, without waiting for delivery.</summary>
    public async Task<IReadOnlyList<JournalRecord>> IngestAsync(IEnumerable<JsonObject> calls)
    {
        var batch = new JsonObject { ["batch"] = new JsonArray([.. calls]) };
        var parsed = EventParser.Default.ParseBatch(batch, Now);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        var appended = await journal.AppendAsync(JournalEntries.From(parsed.Events));
        foreach (var partition in appended.Stored.Select(r => r.Partition).Distinct())
        {
            await Cluster.Client.GetGrain<IJournalPartitionGrain>(partition).NotifyAsync(acknowledgementsSlow: false);
        }
        return appended.Stored;
    }

    /// <summary>Journal events of <paramref name="calls"/> as a reader would deliver them after <paramref name="position"/>, not committed anywhere.</summary>
    public ImmutableArray<JournalEvent> Unjournaled(long position, params JsonObject[] calls)
    {
        var parsed = EventParser.Default.ParseBatch(new JsonObject { ["batch"] = new JsonArray([.. calls]) }, Now);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return [.. JournalEntries.From(parsed.Events).Select((e, i) => new JournalEvent(position + 1 + i, e.MessageId, e.Type, e.Event, e.OccurredAt, e.Payload))];
    }

    /// <summary>Delivers the profile's journal events to it again, as a partition reader does after a crash left its checkpoint behind.</summary>
    public async Task RedeliverAsync(string kind, string id)
    {
        var records = await journal.ReadProfileEventsAsync(kind, id, afterPosition: 0, upToPosition: long.MaxValue);
        await Cluster.Client.GetProfile(kind, id).ApplyAsync([.. records.Select(r => new JournalEvent(r.Position, r.MessageId, r.Type, r.Event, r.OccurredAt, r.Payload))], previousPosition: 0);
    }

    /// <summary>Has every partition reader deliver what is committed and save its checkpoint.</summary>
    public async Task CatchUpAsync()
    {
        for (var partition = 0; partition < journal.Partitions; partition++)
        {
            await Cluster.Client.GetGrain<IJournalPartitionGrain>(partition).CatchUpAsync();
        }
    }

    public Task SendAsync(params JsonObject[] calls) => SendAsync(calls.AsEnumerable());

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void AdvanceTo(DateTimeOffset at) => Clock.Advance(at - Now);

    /// <summary>The next 09:00 UTC, so a test starts in office hours whatever earlier tests did to the clock.</summary>
    public DateTimeOffset NextMorning()
    {
        var today = new DateTimeOffset(Now.UtcDateTime.Date.AddHours(9), TimeSpan.Zero);
        return today > Now ? today : today.AddDays(1);
    }

    /// <summary>Runs every partition's due scan now: the profiles due by the fake clock have run their steps when it returns.</summary>
    public async Task<int> WakeDueAsync()
    {
        var woken = 0;
        for (var partition = 0; partition < journal.Partitions; partition++)
        {
            woken += await Cluster.Client.GetGrain<IJournalPartitionGrain>(partition).WakeDueAsync();
        }
        return woken;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string kind, string id, string journeyId)
    {
        var view = await Cluster.Client.GetProfile(kind, id).GetAsync();
        return JsonSerializer.Deserialize<List<TimelineEntry>>(view.TimelineJson, ProfileJson.Options)!
            .Where(t => t.JourneyId == journeyId)
            .ToList();
    }

    public async Task<IReadOnlyList<JourneyInstance>> InstancesAsync(string kind, string id, string journeyId)
    {
        var view = await Cluster.Client.GetProfile(kind, id).GetAsync();
        return JsonSerializer.Deserialize<List<JourneyInstance>>(view.JourneysJson, EngineJson.Options)!
            .Where(i => i.JourneyId == journeyId)
            .ToList();
    }

    /// <summary>Per-node counters of a journey once they satisfy <paramref name="done"/> (the silos write them in batches).</summary>
    public Task<JourneyCounters> CountersAsync(string journeyId, Func<JourneyCounters, bool> done) =>
        SettleAsync(async () => new JourneyCounters(await Stats.ReadAsync(journeyId)), done, $"Counters of {journeyId}");

    /// <summary>A journey's conversions by group (<c>treatment</c>, <c>control</c>, <c>noGroup</c>) once they satisfy <paramref name="done"/>.</summary>
    public Task<Dictionary<string, long>> ConversionsByGroupAsync(string journeyId, Func<Dictionary<string, long>, bool> done) =>
        SettleAsync(
            async () => (await Outcomes.ReadAsync(journeyId)).Where(o => o.Counter == OutcomeCounters.Converted)
                .GroupBy(o => o.Outcome).ToDictionary(g => g.Key, g => g.Sum(o => o.Count)),
            done,
            $"Conversions of {journeyId}");

    private static async Task<T> SettleAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what} did not settle: {(value is System.Collections.IEnumerable items ? string.Join(", ", items.Cast<object>()) : value)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Saved profiles whose id starts with <paramref name="idPrefix"/> that have a row in the due index.</summary>
    public Task<long> DueProfilesAsync(string idPrefix) => Sql.CountAsync(ConnectionString,
        "SELECT count(*) FROM profile_state WHERE due_at IS NOT NULL AND grain_id LIKE @prefix",
        ("prefix", $"%/{idPrefix}%"));

    /// <summary>Customer grain activations on every silo, once their number satisfies <paramref name="done"/>.</summary>
    public Task<int> ActiveCustomersAsync(Func<int, bool> done) => SettleAsync(
        async () => (await Cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("Customer", StringComparison.Ordinal)).Sum(s => s.ActivationCount),
        done,
        "Customer activations");

    /// <summary>Orleans reminders of every grain: journeys use none, only the partition readers' keep-alives.</summary>
    public Task<long> RemindersAsync() => Sql.CountAsync(ConnectionString, "SELECT count(*) FROM orleans_reminders");

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await writer.DisposeAsync();
        await dataSource.DisposeAsync();
        TestClocks.Remove(clockName);
    }
}
