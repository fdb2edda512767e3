using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>The ingestion API and profiles, through HTTP on the production topology (2 silos, gateway, PostgreSQL).</summary>
public sealed class IngestionTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;
    private static string NewId() => Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_resent_event_is_acknowledged_again_and_applied_once()
    {
        var user = "resend-" + NewId();
        var trip = Events.Trip("trip-" + user, user);

        using var first = await Cluster.PostAsync("/v1/track", trip);
        using var again = await Cluster.PostAsync("/v1/batch", Events.Batch(trip.DeepClone(), trip.DeepClone()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await again.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(0, (int)answer!["stored"]!);
        Assert.Equal(2, (int)answer["duplicates"]!);
        var profile = await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["eventCount"]! >= 1);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        profile = await Cluster.GetProfileAsync("customer", user);
        Assert.Equal(1, (int)profile["profile"]!["eventCount"]!);
        Assert.Equal(1, (int)profile["profile"]!["computed"]!["trips"]!);
        Assert.Equal(1, await Cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE profile_id = '{user}'"));
    }

    [Fact]
    public async Task A_batch_with_one_bad_event_is_rejected_whole_naming_every_bad_field_and_stores_nothing()
    {
        var user = "bad-" + NewId();
        var bad = Events.Trip("bad-trip-" + user, user);
        bad["properties"]!["currency"] = "roubles";
        ((JsonObject)bad["properties"]!).Remove("road");

        using var response = await Cluster.PostAsync("/v1/batch", Events.Batch(Events.PageView("ok-" + user, user), bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var errors = problem!["errors"]!.AsObject();
        Assert.Contains("$.batch[1].properties.currency", errors.Select(e => e.Key));
        Assert.Contains("$.batch[1].properties.road", errors.Select(e => e.Key));
        Assert.Equal(0, await Cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE profile_id = '{user}'"));
    }

    [Fact]
    public async Task Without_a_valid_write_key_the_answer_is_401_and_nothing_is_stored()
    {
        var user = "nokey-" + NewId();

        using var missing = await Cluster.PostAsync("/v1/track", Events.PageView("p-" + user, user), writeKey: null);
        using var wrong = await Cluster.PostAsync("/v1/track", Events.PageView("p-" + user, user), writeKey: "not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(0, await Cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE profile_id = '{user}'"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_answered_413()
    {
        var page = Events.PageView("big-" + NewId(), "big");
        page["properties"]!["title"] = new string('x', 40_000);

        using var response = await Cluster.PostAsync("/v1/track", page);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Events_sent_before_login_join_the_known_profile_after_alias()
    {
        var anonymous = "anon-" + NewId();
        var user = "known-" + NewId();
        using (await Cluster.PostAsync("/v1/batch", Events.Batch(
            Events.PageView("a1-" + anonymous, anonymousId: anonymous),
            Events.PageView("a2-" + anonymous, anonymousId: anonymous),
            Events.Trip("t-" + user, user))))
        {
        }
        await Cluster.WaitForProfileAsync("customer", anonymous, p => (int)p["profile"]!["eventCount"]! == 2);

        using var alias = await Cluster.PostAsync("/v1/alias", new JsonObject { ["messageId"] = "alias-" + user, ["previousId"] = anonymous, ["userId"] = user });
        Assert.Equal(HttpStatusCode.OK, alias.StatusCode);

        var known = await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["eventCount"]! == 4);
        Assert.Equal(2, (int)known["profile"]!["computed"]!["pageViews"]!);
        Assert.Equal(1, (int)known["profile"]!["computed"]!["trips"]!);
        Assert.Contains(anonymous, known["profile"]!["aliasIds"]!.AsArray().Select(a => (string)a!));
        var merged = await Cluster.GetProfileAsync("customer", anonymous);
        Assert.Equal(user, (string?)merged["mergedInto"]);

        // A later event under the old anonymous id still reaches the known profile, once.
        var late = Events.PageView("a3-" + anonymous, anonymousId: anonymous);
        using (await Cluster.PostAsync("/v1/track", late)) { }
        using (await Cluster.PostAsync("/v1/track", late)) { }
        known = await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["computed"]!["pageViews"]! == 3);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(3, (int)(await Cluster.GetProfileAsync("customer", user))["profile"]!["computed"]!["pageViews"]!);
    }

    [Fact]
    public async Task A_booking_updates_every_passenger_the_selling_cashier_and_the_corporate()
    {
        var id = NewId();
        string booker = "booker-" + id, p1 = "pax1-" + id, p2 = "pax2-" + id, cashier = "cashier-" + id, corporate = "corp-" + id;

        using var response = await Cluster.PostAsync("/v1/track", Events.BookingCreated("booking-" + id, booker, cashier, corporate, p1, p2));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        foreach (var passenger in new[] { p1, p2 })
        {
            var pax = await Cluster.WaitForProfileAsync("customer", passenger, p => (int)p["profile"]!["computed"]!["bookings"]! == 1);
            Assert.Equal("Traveller", (string?)pax["profile"]!["traits"]!["lastName"]);
        }
        var seller = await Cluster.WaitForProfileAsync("cashier", cashier, p => p["profile"]!["eventCount"]!.GetValue<long>() == 1);
        Assert.NotNull(seller["profile"]!["computed"]!["total"]);
        var company = await Cluster.WaitForProfileAsync("corporate", corporate, p => (int)p["profile"]!["computed"]!["bookings"]! == 1);
        Assert.Equal(2, (int)company["profile"]!["computed"]!["travellerCount"]!);
        Assert.Equal(1, (int)company["profile"]!["computed"]!["bookingsByChannel"]!["agency"]!);
    }

    [Fact]
    public async Task A_profile_enters_a_segment_when_it_qualifies_and_leaves_when_it_no_longer_does()
    {
        var user = "seg-" + NewId();
        var segment = "frequent-drivers-" + user;
        using (var put = await Cluster.ManageAsync(HttpMethod.Put, "/api/segments/" + segment, new JsonObject
        {
            ["condition"] = new JsonObject
            {
                ["type"] = "and",
                ["conditions"] = new JsonArray(
                    new JsonObject { ["type"] = "field", ["field"] = "computed.trips", ["op"] = "gte", ["value"] = 2 },
                    new JsonObject { ["type"] = "field", ["field"] = "traits.plan", ["op"] = "neq", ["value"] = "cancelled" }),
            },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        await Task.Delay(1200, TestContext.Current.CancellationToken);

        using (await Cluster.PostAsync("/v1/batch", Events.Batch(Events.Trip("s1-" + user, user)))) { }
        var one = await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["computed"]!["trips"]! == 1);
        Assert.DoesNotContain(segment, one["segments"]!.AsArray().Select(s => (string)s!));

        using (await Cluster.PostAsync("/v1/track", Events.Trip("s2-" + user, user))) { }
        await Cluster.WaitForProfileAsync("customer", user, p => p["segments"]!.AsArray().Any(s => (string)s! == segment));

        using (await Cluster.PostAsync("/v1/identify", new JsonObject { ["messageId"] = "s3-" + user, ["userId"] = user, ["traits"] = new JsonObject { ["plan"] = "cancelled" } })) { }
        await Cluster.WaitForProfileAsync("customer", user, p => p["segments"]!.AsArray().All(s => (string)s! != segment));
    }

    [Fact]
    public async Task A_segment_with_an_unknown_operator_is_rejected_naming_the_field()
    {
        using var put = await Cluster.ManageAsync(HttpMethod.Put, "/api/segments/broken", new JsonObject
        {
            ["condition"] = new JsonObject { ["type"] = "field", ["field"] = "computed.trips", ["op"] = "bigger", ["value"] = 2 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Contains(problem!["errors"]!.AsObject(), e => e.Key.StartsWith("$.condition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consent_changes_are_recorded_with_source_and_time_and_bad_ones_name_the_field()
    {
        var user = "consent-" + NewId();

        using var bad = await Cluster.ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{user}/consent", new JsonObject { ["channel"] = "pigeon", ["granted"] = true });
        using var good = await Cluster.ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{user}/consent", new JsonObject { ["channel"] = "email", ["granted"] = true, ["source"] = "signup-form" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("$.channel", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var profile = await good.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var email = profile!["profile"]!["consent"]!["channels"]!["email"]!;
        Assert.True((bool)email["granted"]!);
        Assert.Equal("signup-form", (string?)email["source"]);
    }

    [Fact]
    public async Task Erasing_a_profile_removes_its_personal_data_from_state_and_journal_and_records_the_erasure()
    {
        var user = "erase-" + NewId();
        var anonymous = "anon-" + user;
        using (await Cluster.PostAsync("/v1/track", new JsonObject
        {
            ["messageId"] = "e0-" + user, ["anonymousId"] = anonymous, ["event"] = "Newsletter Form Filled",
            ["properties"] = new JsonObject { ["email"] = user + "@example.com" },
        })) { }
        await Cluster.WaitForProfileAsync("customer", anonymous, p => (int)p["profile"]!["eventCount"]! == 1);
        using (await Cluster.PostAsync("/v1/identify", new JsonObject
        {
            ["messageId"] = "e1-" + user, ["userId"] = user, ["anonymousId"] = anonymous, ["traits"] = new JsonObject { ["email"] = user + "@example.com" },
        })) { }
        await Cluster.WaitForProfileAsync("customer", user, p => p["profile"]!["traits"]!["email"] is not null && p["profile"]!["aliasIds"]!.AsArray().Count == 1);
        using (await Cluster.PostAsync("/v1/devices", new JsonObject { ["userId"] = user, ["token"] = "phone-of-" + user, ["platform"] = "android" })) { }
        Assert.Equal(1, await Cluster.ScalarAsync($"SELECT count(*) FROM devices WHERE profile_id = '{user}'"));
        // A message still to send (due tomorrow) and one sent, both naming the person.
        await Cluster.ScalarAsync($$"""
            WITH queued AS (
                INSERT INTO outbox (dedupe_key, profile_kind, profile_id, journey_id, version, node_id, channel, payload, due_at, status, finished_at)
                VALUES ('{{user}}/later', 'customer', '{{user}}', 'welcome', 1, 'n1', 'email', '{"to": "{{user}}@example.com"}', now() + interval '1 day', 'queued', NULL),
                       ('{{user}}/sent', 'customer', '{{user}}', 'welcome', 1, 'n0', 'email', '{"to": "{{user}}@example.com"}', now(), 'sent', now())
                RETURNING 1)
            SELECT count(*) FROM queued
            """);

        using var erase = await Cluster.ManageAsync(HttpMethod.Delete, $"/api/profiles/customer/{user}");
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);

        var profile = await Cluster.GetProfileAsync("customer", user);
        Assert.Null(profile["profile"]!["traits"]!["email"]);
        Assert.NotNull(profile["profile"]!["erasure"]);
        Assert.Equal(0, await Cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE profile_id IN ('{user}', '{anonymous}') AND payload::text LIKE '%@example.com%'"));
        Assert.Null((await Cluster.GetProfileAsync("customer", anonymous))["profile"]!["traits"]!["email"]);
        Assert.Equal(0, await Cluster.ScalarAsync($"SELECT count(*) FROM devices WHERE profile_id = '{user}'"));
        Assert.Equal(0, await Cluster.ScalarAsync($"SELECT count(*) FROM outbox WHERE profile_id = '{user}' AND payload::text LIKE '%@example.com%'"));
        Assert.Equal(1, await Cluster.ScalarAsync($"SELECT count(*) FROM outbox WHERE dedupe_key = '{user}/later' AND status = 'suppressed' AND last_error = 'erased'"));
        Assert.Equal(1, await Cluster.ScalarAsync($"SELECT count(*) FROM outbox WHERE dedupe_key = '{user}/sent' AND status = 'sent'"));
        using var export = await Cluster.ManageAsync(HttpMethod.Get, $"/api/profiles/customer/{user}/export");
        Assert.DoesNotContain("@example.com", await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
