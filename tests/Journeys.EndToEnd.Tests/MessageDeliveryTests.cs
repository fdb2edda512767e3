using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// A journey's messages from step to recipient and back, through the embedded gateway: e-mail over
/// a real SMTP server whose pixel, tracked link and unsubscribe page come back as events that
/// withdraw consent; push to the device a mobile app registered.
/// </summary>
public sealed partial class MessageDeliveryTests(DeliveryGateway gateway) : IClassFixture<DeliveryGateway>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_email_arrives_rendered_and_its_pixel_link_and_unsubscribe_page_come_back_as_events_that_withdraw_consent()
    {
        const string customer = "mail-ann";
        await gateway.ManageAsync(HttpMethod.Put, "/api/templates/trip-thanks", new JsonObject
        {
            ["subject"] = "How was the {{ context.road }}, {{ traits.firstName }}?",
            ["body"] = "<p>Hello {{ traits.firstName }}, <a href=\"https://tolls.example/offers?road={{ context.road }}\">see this season's prices</a></p>",
        });
        await gateway.PublishAsync(DeliveryGateway.Journey("trip-thanks", "Trip Completed", new JsonObject
        {
            ["id"] = "send", ["type"] = "message", ["channel"] = "email", ["topic"] = "trips", ["template"] = new JsonObject { ["id"] = "trip-thanks" }, ["next"] = "done",
        }));
        await gateway.WriteAsync("/v1/identify", new JsonObject { ["userId"] = customer, ["traits"] = new JsonObject { ["email"] = "ann@tolls.example", ["firstName"] = "Ann" } });
        await gateway.ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{customer}/consent", new JsonObject { ["channel"] = "email", ["granted"] = true });
        await gateway.WriteAsync("/v1/track", Events.Trip("mail-trip-1", customer));

        var email = await gateway.Smtp.WaitForEmailAsync(e => e["to"]!.AsArray().Any(t => (string?)t!["address"] == "ann@tolls.example"), TimeSpan.FromSeconds(30));
        Assert.Equal("How was the M12, Ann?", (string?)email["subject"]);
        var html = (string)email["html"]!;
        Assert.Contains("Hello Ann,", html, StringComparison.Ordinal);
        using var source = await gateway.Smtp.SourceAsync(email);
        Assert.Equal("List-Unsubscribe=One-Click", source.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(UnsubscribeHeader().Match(source.Headers["List-Unsubscribe"] ?? "").Groups[1].Value);

        using (var pixel = await gateway.Http.GetAsync(new Uri(WebUtility.HtmlDecode(Pixel().Match(html).Groups[1].Value)), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
            Assert.Equal("image/gif", pixel.Content.Headers.ContentType?.MediaType);
        }
        var click = new Uri(WebUtility.HtmlDecode(TrackedLink().Match(html).Groups[1].Value));
        using (var forged = await gateway.Http.GetAsync(new Uri(click.ToString().Replace("tolls.example", "evil.example", StringComparison.Ordinal)), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        using (var redirect = await gateway.Http.GetAsync(click, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal(new Uri("https://tolls.example/offers?road=M12"), redirect.Headers.Location);
        }
        using (var page = await gateway.Http.GetAsync(unsubscribe, Ct))
        {
            Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var oneClick = await gateway.Http.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        var export = await gateway.WaitForAsync($"/api/profiles/customer/{customer}/export",
            // The withdrawal is applied with the unsubscribe event's own journal row, which may land after the three events show.
            p => new[] { "Message Opened", "Message Clicked", "Message Unsubscribed" }.All(name => p["events"]!.AsArray().Any(e => (string?)e!["event"] == name))
                && p["profile"]?["consent"]?["topics"]?["email/trips"] is not null);
        var clicked = export["events"]!.AsArray().Single(e => (string?)e!["event"] == "Message Clicked")!;
        Assert.Equal("https://tolls.example/offers?road=M12", (string?)clicked["properties"]!["url"]);
        var mail = Assert.Single(export["timeline"]!.AsArray(), t => (string?)t!["type"] == "sendMessage")!;
        Assert.Equal("sent", (string?)mail["status"]);
        Assert.Equal((string?)mail["dedupeKey"], (string?)clicked["properties"]!["deliveryId"]);
        var consent = export["profile"]!["consent"]!;
        Assert.True((bool)consent["channels"]!["email"]!["granted"]!);
        Assert.False((bool)consent["topics"]!["email/trips"]!["granted"]!);
    }

    [Fact]
    public async Task A_push_goes_to_the_device_the_app_registered_for_the_profile()
    {
        const string customer = "push-bob";
        await gateway.PublishAsync(DeliveryGateway.Journey("pass-expiring", "Toll Pass Expiring", new JsonObject
        {
            ["id"] = "send", ["type"] = "message", ["channel"] = "push", ["topic"] = "passes",
            ["template"] = new JsonObject { ["subject"] = "Your pass", ["body"] = "{{ traits.firstName }}, your {{ event.properties.pass }} pass ends soon" },
            ["next"] = "done",
        }));
        await gateway.WriteAsync("/v1/devices", new JsonObject { ["userId"] = customer, ["token"] = "fcm-token-of-bobs-phone", ["platform"] = "android" });
        await gateway.WriteAsync("/v1/identify", new JsonObject { ["userId"] = customer, ["traits"] = new JsonObject { ["firstName"] = "Bob" } });
        await gateway.ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{customer}/consent", new JsonObject { ["channel"] = "push", ["granted"] = true });
        await gateway.WriteAsync("/v1/track", Events.Track("push-expiring-1", customer, "Toll Pass Expiring", new JsonObject { ["pass"] = "M12 monthly" }));

        var profile = await gateway.WaitForAsync($"/api/profiles/customer/{customer}",
            p => p["timeline"]!.AsArray().Any(t => (string?)t!["type"] == "sendMessage" && (string?)t["status"] == "sent"));

        var call = Assert.Single(gateway.Fcm.Accepted);
        Assert.Equal("/v1/projects/tolls-app/messages:send", call.Path);
        var message = JsonNode.Parse(call.Body)!["message"]!;
        Assert.Equal("fcm-token-of-bobs-phone", (string?)message["token"]);
        Assert.Equal("Bob, your M12 monthly pass ends soon", (string?)message["notification"]!["body"]);
        Assert.Equal((string?)profile["timeline"]![0]!["dedupeKey"], (string?)message["data"]!["deliveryId"]);
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex Pixel();

    [GeneratedRegex("href=\"([^\"]+/t/c/[^\"]+)\"")]
    private static partial Regex TrackedLink();

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
