using System.Text.Json.Nodes;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>Waiting profiles are kept in the due index and woken by the partition readers' scans, not by a reminder each.</summary>
public sealed class DueIndexClusterTests(PostgresFixture postgres)
{
    private const string Journey = "due-index-wait";
    private const int Profiles = 300;

    private static readonly string Definition = new JsonObject
    {
        ["id"] = Journey,
        ["version"] = 1,
        ["name"] = "Wait an hour, then call a webhook",
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = "Wait Started", ["next"] = "wait" },
        ["entry"] = new JsonObject { ["mode"] = "always" },
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "wait", ["type"] = "wait", ["duration"] = "PT1H", ["next"] = "call" },
            new JsonObject { ["id"] = "call", ["type"] = "webhook", ["url"] = "http://127.0.0.1:9/due", ["method"] = "POST", ["next"] = "done" },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    }.ToJsonString();

    [Fact]
    public async Task Waiting_profiles_whose_silo_was_killed_or_whose_grains_were_deactivated_run_their_due_step_once_from_the_scans()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 2);
        await journeys.PublishAsync(Journey, Definition);
        var ids = Enumerable.Range(0, Profiles).Select(i => $"di-{i}").ToList();

        await journeys.SendAsync(ids.Select(id => Calls.Track(id, "Wait Started", new JsonObject())));
        await journeys.CountersAsync(Journey, c => c.Node("wait").Waiting == Profiles);
        Assert.Equal(Profiles, await journeys.DueProfilesAsync("di-"));
        Assert.Equal(JourneySiloConfigurator.Journal.Partitions, await journeys.RemindersAsync());

        // Half the waiting grains die with their silo; the survivor's are deactivated: none is left in memory.
        var management = journeys.Cluster.Client.GetGrain<IManagementGrain>(0);
        await journeys.Cluster.KillSiloAsync(journeys.Cluster.Silos[^1], TestContext.Current.CancellationToken);
        await Retry.UntilDeadSiloIsGoneAsync(() => management.ForceActivationCollection(TimeSpan.Zero));
        journeys.Advance(TimeSpan.FromMinutes(61));
        // Readers of the dead silo's partitions come back on the survivor when called (the gateway's notify does the same).
        await Retry.UntilDeadSiloIsGoneAsync(journeys.CatchUpAsync);

        // No explicit wake-up: the readers' own scans, every second, find the due rows.
        await journeys.CountersAsync(Journey, c => c.Node("call").Entered == Profiles && c.Node("wait").Waiting == 0);
        Assert.Equal(0, await journeys.DueProfilesAsync("di-"));
        await journeys.WakeDueAsync();
        // A step run twice would show as a second count in a later flush: give the buffers two flush periods.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        var counters = new JourneyCounters(await journeys.Stats.ReadAsync(Journey, TestContext.Current.CancellationToken));
        Assert.Equal((Profiles, Profiles), (counters.Node("call").Entered, counters.Total.Exited));
        var calls = await Sql.QueryAsync(journeys.ConnectionString,
            "SELECT count(*), count(DISTINCT profile_id) FROM outbox WHERE journey_id = @journey AND node_id = 'call'",
            r => (r.GetInt64(0), r.GetInt64(1)), ("journey", Journey));
        Assert.Equal((Profiles, Profiles), calls.Single());
    }

    [Fact]
    public async Task A_profile_woken_from_storage_only_for_its_due_step_leaves_memory_after_it_and_one_with_events_stays()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 1);
        await journeys.PublishAsync(Journey, Definition);
        var ids = Enumerable.Range(0, 40).Select(i => $"dl-{i}").ToList();
        await journeys.SendAsync(ids.Select(id => Calls.Track(id, "Wait Started", new JsonObject())));
        await journeys.CountersAsync(Journey, c => c.Node("wait").Waiting == ids.Count);
        await journeys.CatchUpAsync();
        await journeys.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        await journeys.ActiveCustomersAsync(n => n == 0);

        journeys.Advance(TimeSpan.FromMinutes(61));
        // One of them gets an event first: in use, it stays active after its step like any profile.
        await journeys.SendAsync(Calls.PageView(ids[0]));
        await journeys.WakeDueAsync();
        await journeys.CountersAsync(Journey, c => c.Node("call").Entered == ids.Count);

        // Without the deactivation all 40 would stay until Orleans collects them (15 minutes idle).
        await journeys.ActiveCustomersAsync(n => n == 1);
        var calls = await Sql.CountAsync(journeys.ConnectionString,
            "SELECT count(*) FROM outbox WHERE journey_id = @journey AND node_id = 'call' AND profile_id LIKE 'dl-%'", ("journey", Journey));
        Assert.Equal(ids.Count, calls);
        Assert.Equal(0, await journeys.DueProfilesAsync("dl-"));
    }
}
