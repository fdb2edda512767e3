using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.Engine.Journeys;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>The journey management API and the catalogue grain behind it, through HTTP on the production topology.</summary>
public sealed class JourneyManagementTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;
    private static string NewId() => "j-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>trigger -> wait -> email -> done.</summary>
    private static JsonObject Journey(string name = "Welcome") => new()
    {
        ["name"] = name,
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = "Signed Up", ["next"] = "wait" },
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "wait", ["type"] = "wait", ["duration"] = "P1D", ["next"] = "email" },
            new JsonObject
            {
                ["id"] = "email", ["type"] = "message", ["channel"] = "email", ["topic"] = "welcome",
                ["template"] = new JsonObject { ["body"] = "Hello {{ traits.firstName }}" }, ["next"] = "done",
            },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    };

    [Fact]
    public async Task An_invalid_journey_is_rejected_with_every_error_at_its_location_and_nothing_is_saved()
    {
        var id = NewId();
        var journey = Journey();
        journey["trigger"]!["next"] = "nowhere";
        journey["nodes"]![1]!["channel"] = "pigeon";
        journey["nodes"]!.AsArray().Add(new JsonObject { ["id"] = "orphan", ["type"] = "exit" });
        var fixedChannel = journey.DeepClone();
        fixedChannel["nodes"]![1]!["channel"] = "email";

        var unreadable = await ErrorsAsync(await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", journey));
        var invalid = await ErrorsAsync(await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", fixedChannel));

        Assert.Contains("$.nodes[1].channel", unreadable.Keys);
        Assert.Equal(["$.nodes[0]", "$.nodes[1]", "$.nodes[2]", "$.nodes[3]", "$.trigger.next"], invalid.Keys.Order());
        Assert.Contains("nowhere", Assert.Single(invalid["$.trigger.next"]));
        using var get = await Cluster.ManageAsync(HttpMethod.Get, $"/api/journeys/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain(await ListAsync(), j => (string?)j!["id"] == id);
    }

    [Fact]
    public async Task Validate_answers_every_error_without_saving()
    {
        var broken = Journey();
        broken["id"] = "not-saved";
        broken["nodes"]![0]!["duration"] = "PT0S";

        var sound = Journey();
        sound["id"] = "not-saved";

        var valid = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, "/api/journeys/validate", sound));
        var invalid = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, "/api/journeys/validate", broken));

        Assert.True((bool)valid["valid"]!);
        Assert.False((bool)invalid["valid"]!);
        Assert.Equal("$.nodes[0].duration", (string?)Assert.Single(invalid["errors"]!.AsArray())!["location"]);
        Assert.DoesNotContain(await ListAsync(), j => (string?)j!["id"] == "not-saved");
    }

    [Fact]
    public async Task A_draft_is_published_as_v1_then_edited_and_published_as_v2_migrating_by_node_mapping()
    {
        var id = NewId();
        var draft = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", Journey()));
        Assert.Equal(("draft", true), ((string)draft["status"]!, (bool)draft["hasDraft"]!));

        var v1 = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "keep" }));
        Assert.Equal(("active", 1, false), ((string)v1["status"]!, (int)v1["publishedVersion"]!, (bool)v1["hasDraft"]!));

        var edited = Journey("Welcome, shorter");
        edited["nodes"]![0]!["id"] = "short-wait";
        edited["nodes"]![0]!["duration"] = "PT2H";
        edited["trigger"]!["next"] = "short-wait";
        using (var saved = await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", edited))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var unmapped = await ErrorsAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "migrate" }));
        var wrongNodes = await ErrorsAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish",
            new JsonObject { ["inFlight"] = "migrate", ["nodeMapping"] = new JsonObject { ["wait"] = "wait", ["ghost"] = "email" } }));
        Assert.Contains("$.nodeMapping", unmapped.Keys);
        var problem = Assert.Single(wrongNodes["$.nodeMapping"]);
        Assert.Contains("'ghost' is not a node of version 1", problem);
        Assert.Contains("'wait' maps to 'wait', which is not a node of version 2", problem);

        var v2 = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish",
            new JsonObject { ["inFlight"] = "migrate", ["nodeMapping"] = new JsonObject { ["wait"] = "short-wait" } }));
        Assert.Equal(2, (int)v2["publishedVersion"]!);

        var detail = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Get, $"/api/journeys/{id}"));
        Assert.Null(detail["draft"]);
        Assert.Equal("Welcome, shorter", (string?)detail["name"]);
        var versions = detail["versions"]!.AsArray();
        Assert.Equal([(1, "keep"), (2, "migrate")], versions.Select(v => ((int)v!["version"]!, (string)v["inFlight"]!)));
        Assert.Equal("short-wait", (string?)versions[1]!["nodeMapping"]!["wait"]);
        Assert.All(versions, v => Assert.Equal((id, (int)v!["version"]!), ((string)v!["definition"]!["id"]!, (int)v["definition"]!["version"]!)));
        Assert.Equal("P1D", (string?)versions[0]!["definition"]!["nodes"]![0]!["duration"]);
    }

    [Fact]
    public async Task Pause_resume_and_archive_change_the_status_the_list_shows()
    {
        var id = NewId();
        await JsonAsync(await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", Journey()));
        using (var unpublished = await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/pause"))
        {
            Assert.Equal(HttpStatusCode.Conflict, unpublished.StatusCode);
        }
        await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish"));

        Assert.Equal("paused", await StatusAfterAsync(id, "pause"));
        Assert.Equal("paused", await ListedStatusAsync(id));
        Assert.Equal("active", await StatusAfterAsync(id, "resume"));
        Assert.Equal("active", await ListedStatusAsync(id));
        Assert.Equal("archived", await StatusAfterAsync(id, "archive"));
        Assert.Equal("archived", await ListedStatusAsync(id));

        using var resume = await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/resume");
        using var edit = await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", Journey());
        using var unknown = await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{NewId()}/pause");
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.NotFound), (resume.StatusCode, edit.StatusCode, unknown.StatusCode));
    }

    [Fact]
    public async Task A_dry_run_of_the_abandoned_cart_sample_follows_a_purchase_within_the_hour_to_its_exit()
    {
        const string id = "toll-abandoned-cart";
        using (var saved = await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", JsonNode.Parse(SampleJourneys.Json(id))))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        var items = new JsonArray(new JsonObject { ["sku"] = "pass-30", ["name"] = "30-day pass", ["quantity"] = 1, ["price"] = 990 });

        var run = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/dry-run", new JsonObject
        {
            ["profile"] = new JsonObject { ["id"] = "driver-1", ["timeZone"] = "Europe/Paris", ["traits"] = new JsonObject { ["firstName"] = "Lea" } },
            ["events"] = new JsonArray(
                DryRunEvent("2026-06-02T10:00:00Z", "Cart Updated", new JsonObject
                {
                    ["cartId"] = "c1", ["items"] = items.DeepClone(), ["value"] = 990, ["currency"] = "RUB",
                }),
                DryRunEvent("2026-06-02T10:30:00Z", "Order Completed", new JsonObject
                {
                    ["cartId"] = "c1", ["orderId"] = "o1", ["items"] = items.DeepClone(), ["value"] = 990, ["currency"] = "RUB",
                })),
        }));

        Assert.True((bool)run["draft"]!);
        Assert.Equal(["wait-order", "purchased"], run["path"]!.AsArray().Select(step => (string)step!["nodeId"]!));
        var commands = run["commands"]!.AsArray().Select(c => (string)c!["command"]!["type"]!).ToList();
        Assert.Contains("converted", commands);
        Assert.DoesNotContain("sendMessage", commands);
        Assert.Equal("purchased", (string?)Assert.Single(run["instances"]!.AsArray())!["exitReason"]);
        Assert.Equal(0, await Cluster.ScalarAsync("SELECT count(*) FROM journal WHERE profile_id = 'driver-1'"));
    }

    [Fact]
    public async Task A_dry_run_replays_a_stored_profiles_recorded_trips_and_consent_without_effects()
    {
        const string id = "toll-anniversary-trip";
        using (var saved = await Cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", JsonNode.Parse(SampleJourneys.Json(id))))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
        var consenting = "recorded-" + NewId();
        var silent = "recorded-" + NewId();
        using (var ingested = await Cluster.PostAsync("/v1/batch", Events.Batch(
            Recorded(Events.Track(NewId(), consenting, "Consent Updated", new JsonObject { ["channel"] = "email", ["granted"] = true }), "2025-05-01T08:00:00Z"),
            Recorded(Events.Trip(NewId(), consenting), "2025-07-20T16:00:00Z"),
            Recorded(Events.Trip(NewId(), silent), "2025-07-20T16:00:00Z"))))
        {
            Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);
        }
        JsonObject Request(string profileId) => new()
        {
            ["recorded"] = new JsonObject { ["kind"] = "customer", ["id"] = profileId },
            ["from"] = "2026-06-01T00:00:00Z",
            ["to"] = "2026-08-01T00:00:00Z",
        };

        var run = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/dry-run", Request(consenting)));
        var withoutConsent = await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/dry-run", Request(silent)));
        using var mixed = await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/dry-run", new JsonObject
        {
            ["recorded"] = new JsonObject { ["id"] = consenting },
            ["events"] = new JsonArray(),
        });
        using var unknown = await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/dry-run", Request("nobody-" + NewId()));

        var sends = run["commands"]!.AsArray().Where(c => (string?)c!["command"]!["type"] == "sendMessage").ToList();
        Assert.Equal(["2026-06-20T10:00:00+00:00", "2026-06-27T10:00:00+00:00"], sends.Select(c => DateTimeOffset.Parse((string)c!["at"]!, CultureInfo.InvariantCulture).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)));
        Assert.Equal("M12", (string?)sends[0]!["command"]!["context"]!["road"]);
        var suppressed = withoutConsent["commands"]!.AsArray().Select(c => c!["command"]!).Where(c => (string?)c["type"] == "suppressed").ToList();
        Assert.Equal(["noConsent:email:trips", "noConsent:email:trips"], suppressed.Select(c => (string?)c["reason"]));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (mixed.StatusCode, unknown.StatusCode));
        Assert.Equal(2, await Cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE profile_id = '{consenting}'"));
        Assert.DoesNotContain("sendMessage", (await Cluster.GetProfileAsync("customer", consenting)).ToJsonString(), StringComparison.Ordinal);
    }

    private static JsonObject Recorded(JsonObject call, string timestamp)
    {
        call["timestamp"] = timestamp;
        return call;
    }

    private static JsonObject DryRunEvent(string at, string name, JsonObject properties) => new()
    {
        ["at"] = at,
        ["event"] = new JsonObject { ["event"] = name, ["properties"] = properties },
    };

    private async Task<string?> StatusAfterAsync(string id, string action) =>
        (string?)(await JsonAsync(await Cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/{action}")))["status"];

    private async Task<string?> ListedStatusAsync(string id) =>
        (string?)(await ListAsync()).Single(j => (string?)j!["id"] == id)!["status"];

    private async Task<JsonArray> ListAsync()
    {
        using var response = await Cluster.ManageAsync(HttpMethod.Get, "/api/journeys");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!;
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
            return JsonNode.Parse(body)!.AsObject();
        }
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
            var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
            return errors.ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => (string)m!).ToArray());
        }
    }
}
