using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Journeys.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// The one-process layout for a small machine: the gateway hosting a silo of the PostgreSQL cluster
/// (<c>Orleans__HostSilo</c>) runs everything alone, and silo processes can join and die beside it.
/// </summary>
public sealed class GatewayHostedSiloTests(PostgresFixture postgres) : IAsyncLifetime
{
    private sealed record Popup(string Id, string JourneyId, string Title, string BodyHtml, DateTimeOffset ExpiresAt);

    private ProductionCluster? cluster;

    private ProductionCluster Cluster => cluster ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => cluster = await ProductionCluster.StartGatewayHostingSiloAsync(postgres.Server);

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Alone_it_applies_acked_events_once_and_pushes_popups_and_a_silo_killed_beside_it_loses_nothing()
    {
        // The gateway's own silo is the cluster: no silo process runs.
        Assert.All(Cluster.Silos, Assert.Null);
        Assert.Equal(1, await Cluster.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 3"));

        var trigger = await PopupJourneys.PublishAsync(Cluster);
        var id = "one-process-" + Guid.NewGuid().ToString("N")[..8];
        var received = new ConcurrentQueue<Popup>();
        await using var page = PopupJourneys.Visitor(Cluster, await PopupJourneys.SiteTokenAsync(Cluster, "customer", id));
        page.On<Popup>("popup", received.Enqueue);
        await page.StartAsync(TestContext.Current.CancellationToken);
        using (var acked = await Cluster.PostAsync("/v1/track", Events.Track("offer-" + id, id, trigger, [])))
        {
            Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        }
        await WaitUntilAsync(() => received.Count == 1, "the popup did not arrive");
        Assert.Equal($"Offer for {id}", received.Single().Title);

        var users = new[] { id + "-a", id + "-b" };
        await PostTwiceAsync(users, "first", 5);
        await WaitForTripsAsync(users, 5);

        // A silo process joins; killed, the partitions and profiles it took come back to the gateway's silo.
        await Cluster.StartSiloAsync(0);
        await PostTwiceAsync(users, "joined", 5);
        await WaitForTripsAsync(users, 10);
        await Cluster.KillSiloAsync(0);
        await PostTwiceAsync(users, "killed", 5);
        await WaitForTripsAsync(users, 15);

        await Task.Delay(1000, TestContext.Current.CancellationToken);
        foreach (var user in users)
        {
            var profile = await Cluster.GetProfileAsync("customer", user);
            Assert.Equal(15, (int)profile["profile"]!["eventCount"]!);
        }
        Assert.Single(received);
    }

    /// <summary>Each event sent and then resent: acknowledged twice, applied once.</summary>
    private async Task PostTwiceAsync(string[] users, string round, int perUser)
    {
        JsonNode[] Batch() => [.. users.SelectMany(u => Enumerable.Range(0, perUser).Select(i => (JsonNode)Events.Trip($"{round}-{u}-{i}", u)))];
        foreach (var attempt in new[] { Batch(), Batch() })
        {
            using var acked = await PostWhileTheClusterSettlesAsync(Events.Batch(attempt));
            Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        }
    }

    /// <summary>Right after a silo is killed, calls that reach it fail until the cluster declares it dead: as a client would, retry.</summary>
    private async Task<HttpResponseMessage> PostWhileTheClusterSettlesAsync(JsonObject batch)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await Cluster.PostAsync("/v1/batch", batch.DeepClone());
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private async Task WaitForTripsAsync(string[] users, int trips)
    {
        foreach (var user in users)
        {
            await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["computed"]!["trips"]! == trips, TimeSpan.FromSeconds(60));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
