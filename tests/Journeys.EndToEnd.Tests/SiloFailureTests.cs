using System.Net;
using System.Text.Json.Nodes;
using Journeys.EndToEnd.Tests.Failures;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>Acknowledged means applied exactly once, whatever happens to the silos.</summary>
public sealed class SiloFailureTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Events_acknowledged_while_every_silo_is_dead_are_applied_once_after_restart()
    {
        await Cluster.KillSiloAsync(0);
        await Cluster.KillSiloAsync(1);
        var users = new[] { "dark-1", "dark-2" };
        var events = users.SelectMany(u => Enumerable.Range(0, 10).Select(i => (JsonNode)Events.Trip($"dark-{u}-{i}", u))).ToArray();

        using (var acked = await Cluster.PostAsync("/v1/batch", Events.Batch(events)))
        {
            Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        }
        await Task.WhenAll(Cluster.StartSiloAsync(0), Cluster.StartSiloAsync(1));
        using (var resent = await Cluster.PostAsync("/v1/batch", Events.Batch([.. events.Select(e => e.DeepClone())])))
        {
            Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        }

        foreach (var user in users)
        {
            await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["computed"]!["trips"]! == 10, TimeSpan.FromSeconds(60));
        }
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        foreach (var user in users)
        {
            Assert.Equal(10, (int)(await Cluster.GetProfileAsync("customer", user))["profile"]!["eventCount"]!);
        }
    }

    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_event_and_applies_none_twice()
    {
        const int profiles = 40;
        var sender = new RetryingBatchSender(Cluster, eventsPerSecond: 400, batchSize: 10, n =>
        [
            .. Enumerable.Range(0, 10).Select(i =>
            {
                var user = $"load-{((n * 10) + i) % profiles}";
                return new SentEvent(user, Events.PageView($"load-{n}-{i}", user));
            }),
        ]);
        using var stop = new CancellationTokenSource();
        var load = sender.RunAsync(stop.Token);

        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await Cluster.KillSiloAsync(0);
        await Task.Delay(2500, TestContext.Current.CancellationToken);
        await Cluster.StartSiloAsync(0);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await load;

        var acked = sender.Acked;
        Assert.True(acked.Count > 200, $"only {acked.Count} events acknowledged");
        var expected = acked.GroupBy(a => a.User).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (user, count) in expected)
        {
            await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["computed"]!["pageViews"]! >= count, TimeSpan.FromSeconds(60));
        }
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        foreach (var (user, count) in expected)
        {
            var profile = await Cluster.GetProfileAsync("customer", user);
            Assert.Equal(count, (int)profile["profile"]!["computed"]!["pageViews"]!);
            Assert.Equal(count, (int)profile["profile"]!["eventCount"]!);
        }
        Assert.Equal(acked.Count, await Cluster.ScalarAsync("SELECT count(*) FROM journal WHERE message_id LIKE 'load-%'"));
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_exits_cleanly_and_is_marked_dead()
    {
        var silo = Cluster.Silos[1]!;
        silo.Terminate();

        Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromSeconds(40)));
        Assert.True(await Cluster.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 6") >= 1);
        Cluster.Silos[1] = null;
        await Cluster.StartSiloAsync(1);
    }
}
