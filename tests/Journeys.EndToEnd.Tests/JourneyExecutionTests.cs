using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>A published journey running inside profile grains, driven by events through the ingestion API.</summary>
public sealed class JourneyExecutionTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;

    private static JsonObject TripFollowUp(string id) => new()
    {
        ["id"] = id,
        ["version"] = 1,
        ["name"] = "Trip follow-up",
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = "Trip Completed", ["next"] = "pause" },
        ["entry"] = new JsonObject { ["mode"] = "always" },
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "pause", ["type"] = "wait", ["duration"] = "PT2S", ["next"] = "mark" },
            new JsonObject { ["id"] = "mark", ["type"] = "setTrait", ["trait"] = "followedUp", ["value"] = true, ["next"] = "mail" },
            new JsonObject
            {
                ["id"] = "mail", ["type"] = "message", ["channel"] = "email", ["topic"] = "trips",
                ["template"] = new JsonObject { ["subject"] = "How was the {{ context.road }}?", ["body"] = "Hello {{ traits.firstName | default: 'driver' }}" },
                ["next"] = "done",
            },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    };

    [Fact]
    public async Task A_trip_enters_the_journey_the_wait_fires_once_and_the_email_needs_consent()
    {
        var id = "trip-follow-up-" + Guid.NewGuid().ToString("N")[..6];
        await Cluster.PublishJourneyAsync(TripFollowUp(id));

        var consenting = "consenting-" + id;
        var silent = "silent-" + id;
        using (await Cluster.ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{consenting}/consent", new JsonObject { ["channel"] = "email", ["granted"] = true })) { }
        var trip = Events.Trip("trip-" + consenting, consenting);
        using (await Cluster.PostAsync("/v1/batch", Events.Batch(trip, Events.Trip("trip-" + silent, silent)))) { }
        using (await Cluster.PostAsync("/v1/track", trip.DeepClone())) { }

        // This cluster configures no SMTP server: the outbox row is dead-lettered, and the timeline says why.
        var done = await Cluster.WaitForProfileAsync("customer", consenting,
            p => p["timeline"]!.AsArray().Any(t => (string?)t!["type"] == "sendMessage" && (string?)t["status"] == "dead"), TimeSpan.FromSeconds(30));
        var mail = Assert.Single(done["timeline"]!.AsArray(), t => (string?)t!["type"] == "sendMessage");
        Assert.Equal("no provider is configured for channel 'email'", (string?)mail!["detail"]);
        Assert.Equal("email", (string?)mail["channel"]);
        Assert.True((bool)done["profile"]!["traits"]!["followedUp"]!);

        var other = await Cluster.WaitForProfileAsync("customer", silent,
            p => p["journeys"]!.AsArray().Any(i => (string?)i!["status"] != "active"), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(other["timeline"]!.AsArray(), t => (string?)t!["type"] == "sendMessage");

        // Each silo writes its counters at most twice a second, and a wait leaving is counted with its own
        // step: wait until both profiles' waits are counted as passed, then none may still be waiting.
        var detail = await WaitForStatsAsync(id, n => Count(n, "pause", "entered") == 2 && Count(n, "pause", "passed") == 2 && Count(n, "mail", "suppressed") == 1);
        Assert.Equal(0, Count(detail, "pause", "waiting"));
    }

    private async Task<JsonArray> WaitForStatsAsync(string id, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonArray nodes = [];
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Cluster.ManageAsync(HttpMethod.Get, $"/api/journeys/{id}");
            nodes = (await response.Content.ReadFromJsonAsync<JsonObject>())!["nodes"]!.AsArray();
            if (done(nodes))
            {
                return nodes;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("journey counters did not arrive: " + nodes.ToJsonString());
    }

    private static long Count(JsonArray nodes, string node, string counter) =>
        nodes.Where(n => (string?)n!["nodeId"] == node).Sum(n => (long)n![counter]!);
}
