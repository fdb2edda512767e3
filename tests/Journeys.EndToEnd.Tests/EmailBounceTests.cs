using System.Text.Json.Nodes;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// A bounce from start to end through the embedded gateway: the receiving SMTP server refuses the
/// address, the profile records the bounce as an event, the next step is suppressed instead of sent,
/// a corrected address is written to again, and a later bounce report counts on the results page.
/// </summary>
public sealed class EmailBounceTests(RefusingMailGateway gateway) : IClassFixture<RefusingMailGateway>
{
    private const string JourneyId = "trip-receipt";
    private const string Customer = "bounce-ann";
    private static readonly string UnknownAddress = $"{RefusingSmtpServer.UnknownPrefix}-ann@tolls.example";

    [Fact]
    public async Task A_refused_address_is_recorded_as_a_bounce_stops_the_next_email_and_a_corrected_address_gets_mail_again()
    {
        await gateway.PublishAsync(DeliveryGateway.Journey(JourneyId, "Trip Completed", new JsonObject
        {
            ["id"] = "send", ["type"] = "message", ["channel"] = "email", ["topic"] = "trips",
            ["template"] = new JsonObject { ["subject"] = "Your receipt", ["body"] = "<p>{{ traits.firstName }}, your trip on the {{ event.properties.road }}</p>" },
            ["next"] = "done",
        }));
        await gateway.WriteAsync("/v1/identify", new JsonObject { ["userId"] = Customer, ["traits"] = new JsonObject { ["email"] = UnknownAddress, ["firstName"] = "Ann" } });
        await gateway.ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{Customer}/consent", new JsonObject { ["channel"] = "email", ["granted"] = true });

        await gateway.WriteAsync("/v1/track", Events.Trip("bounce-trip-1", Customer));
        var bounced = await gateway.WaitForAsync($"/api/profiles/customer/{Customer}/export",
            p => Journalled(p, "Message Bounced").Count == 1 && p["profile"]?["bounces"]?["email"] is not null);
        var mail = Assert.Single(Mails(bounced));
        Assert.Equal("dead", (string?)mail["status"]);
        Assert.StartsWith("bounced: 550", (string?)mail["detail"], StringComparison.Ordinal);
        var bounce = Journalled(bounced, "Message Bounced")[0]["properties"]!;
        Assert.Equal((UnknownAddress, "hard", (string?)mail["dedupeKey"]), ((string?)bounce["address"], (string?)bounce["bounceType"], (string?)bounce["deliveryId"]));
        Assert.Equal(UnknownAddress, (string?)bounced["profile"]!["bounces"]!["email"]!["address"]);

        await gateway.WriteAsync("/v1/track", Events.Trip("bounce-trip-2", Customer));
        var results = await gateway.WaitForAsync($"/api/dashboard/journeys/{JourneyId}/results",
            r => Send(r)?["suppressedBy"]?["undeliverable"] is not null);
        Assert.Equal((1L, 1L, 1L), ((long)Send(results)!["suppressedBy"]!["undeliverable"]!, (long)Send(results)!["bounced"]!, (long)Send(results)!["failed"]!));
        Assert.Single(Mails(await gateway.WaitForAsync($"/api/profiles/customer/{Customer}/export", _ => true)));

        await gateway.WriteAsync("/v1/identify", new JsonObject { ["userId"] = Customer, ["traits"] = new JsonObject { ["email"] = "ann@tolls.example" } });
        await gateway.WriteAsync("/v1/track", Events.Trip("bounce-trip-3", Customer));
        var corrected = await gateway.WaitForAsync($"/api/profiles/customer/{Customer}/export", p => Mails(p).Any(m => (string?)m["status"] == "sent"));
        Assert.Equal(["dead", "sent"], Mails(corrected).Select(m => (string?)m["status"]));
        Assert.Single(Journalled(corrected, "Message Bounced"));

        // Days later the receiving domain bounces the accepted message: the integrator forwards its ESP's report.
        var sent = Mails(corrected).Single(m => (string?)m["status"] == "sent");
        await gateway.WriteAsync("/v1/track", Events.Track("bounce-report-1", Customer, "Message Bounced", new JsonObject
        {
            ["deliveryId"] = (string?)sent["dedupeKey"], ["channel"] = "email", ["address"] = "ann@tolls.example", ["reason"] = "mailbox disabled",
        }));
        var reported = await gateway.WaitForAsync($"/api/dashboard/journeys/{JourneyId}/results", r => (long?)Send(r)?["bounced"] == 2);
        Assert.Equal((1L, 1L), ((long)Send(reported)!["failed"]!, (long)Send(reported)!["delivered"]!));
    }

    private static List<JsonNode> Journalled(JsonObject export, string name) =>
        [.. export["events"]!.AsArray().Where(e => (string?)e!["event"] == name).Select(e => e!)];

    private static List<JsonNode> Mails(JsonObject export) =>
        [.. export["timeline"]!.AsArray().Where(t => (string?)t!["type"] == "sendMessage").Select(t => t!)];

    private static JsonNode? Send(JsonObject results) =>
        results["messages"]?.AsArray().SingleOrDefault(m => (string?)m!["nodeId"] == "send");
}
