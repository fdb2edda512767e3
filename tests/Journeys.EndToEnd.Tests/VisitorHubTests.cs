using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Visitors;
using Journeys.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Journeys.EndToEnd.Tests;

/// <summary>The visitor hub as a site's backend and an app use it: tokens, isolation, silo restarts.</summary>
[Collection(VisitorsCollection.Name)]
public sealed class VisitorHubTests(ProductionClusterFixture fixture)
{
    private sealed record Popup(string Id, string JourneyId, string Title, string BodyHtml, DateTimeOffset ExpiresAt);

    private ProductionCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_token_from_the_site_backend_gets_the_popups_of_its_profile_kind_and_id_only()
    {
        var trigger = await PopupJourneys.PublishAsync(Cluster);
        var id = "seller-" + Guid.NewGuid().ToString("N")[..8];
        var cashier = new ConcurrentQueue<Popup>();
        var sameIdCustomer = new ConcurrentQueue<Popup>();
        await using var cashierPage = await ConnectAsync(await PopupJourneys.SiteTokenAsync(Cluster, "cashier", id), cashier);
        await using var customerPage = await ConnectAsync(await PopupJourneys.SiteTokenAsync(Cluster, "customer", id), sameIdCustomer);

        var request = Events.Track("offer-" + id, id, trigger, []);
        request["profileKind"] = "cashier";
        using (await Cluster.PostAsync("/v1/track", request)) { }

        var popup = await WaitForAsync(cashier, 1);
        Assert.Equal($"Offer for {id}", popup.Title);
        Assert.Equal("<p>Kind: cashier</p>", popup.BodyHtml);
        await Cluster.WaitForProfileAsync("cashier", id, p => p["timeline"]!.AsArray().Any(t => (string?)t!["status"] == "delivered"));
        Assert.Empty(sameIdCustomer);
    }

    [Fact]
    public async Task Forged_expired_and_unknown_site_tokens_and_wrong_keys_are_refused_with_401()
    {
        var secret = System.Text.Encoding.UTF8.GetBytes(ProductionCluster.VisitorSiteSecret);
        var now = DateTimeOffset.UtcNow;
        string[] refused =
        [
            VisitorToken.Create(ProductionCluster.VisitorSite, ProfileKind.Customer, "ann", now.AddSeconds(-1), secret),
            VisitorToken.Create(ProductionCluster.VisitorSite, ProfileKind.Customer, "ann", now.AddHours(1), System.Text.Encoding.UTF8.GetBytes("a guessed secret of the right length!")),
            VisitorToken.Create("another-site", ProfileKind.Customer, "ann", now.AddHours(1), secret),
            "not a token",
        ];
        foreach (var token in refused)
        {
            await using var connection = PopupJourneys.Visitor(Cluster, token);
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        }
        await using (var genuine = PopupJourneys.Visitor(Cluster, VisitorToken.Create(ProductionCluster.VisitorSite, ProfileKind.Customer, "ann", now.AddHours(1), secret)))
        {
            await genuine.StartAsync(TestContext.Current.CancellationToken);
        }

        using var noKey = await Cluster.PostAsync("/v1/visitor-token", new JsonObject { ["site"] = ProductionCluster.VisitorSite }, writeKey: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/visitor-tokens") { Content = JsonContent("{\"site\":\"test\",\"profileId\":\"ann\"}") };
        using var noAdmin = await Cluster.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, noAdmin.StatusCode);
        using var badSite = await Cluster.ManageAsync(HttpMethod.Post, "/api/visitor-tokens", new JsonObject { ["site"] = "nope", ["profileId"] = "ann" });
        Assert.Equal(HttpStatusCode.BadRequest, badSite.StatusCode);
    }

    [Fact]
    public async Task After_each_silo_is_killed_and_restarted_the_gateway_subscribes_again_and_the_popup_arrives_once()
    {
        var trigger = await PopupJourneys.PublishAsync(Cluster);
        var id = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var received = new ConcurrentQueue<Popup>();
        await using var page = await ConnectAsync(await PopupJourneys.SiteTokenAsync(Cluster, "customer", id), received);
        using (await Cluster.PostAsync("/v1/track", Events.Track("first-" + id, id, trigger, []))) { }
        await WaitForAsync(received, 1);
        // The profile answers after the turn that pushed the popup, which saved it as delivered.
        await Cluster.WaitForProfileAsync("customer", id, p => p["timeline"]!.AsArray().Any(t => (string?)t!["status"] == "delivered"));

        // One at a time, so the gateway always has a silo: wherever the profile was, it is activated anew.
        foreach (var silo in new[] { 0, 1 })
        {
            await Cluster.KillSiloAsync(silo);
            await Cluster.StartSiloAsync(silo);
        }
        using (var acked = await Cluster.PostAsync("/v1/track", Events.Track("second-" + id, id, trigger, [])))
        {
            Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
        }

        await WaitForAsync(received, 2, TimeSpan.FromSeconds(60));
        await Cluster.WaitForProfileAsync("customer", id,
            p => p["timeline"]!.AsArray().Count(t => (string?)t!["status"] == "delivered") == 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, received.Select(p => p.Id).Distinct().Count());
        Assert.Equal(2, received.Count);
    }

    private async Task<HubConnection> ConnectAsync(string token, ConcurrentQueue<Popup> received)
    {
        var connection = PopupJourneys.Visitor(Cluster, token);
        connection.On<Popup>("popup", received.Enqueue);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task<Popup> WaitForAsync(ConcurrentQueue<Popup> received, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{received.Count} of {count} popups arrived");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return received.Last();
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
