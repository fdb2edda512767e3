using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Journeys.EndToEnd.Tests;

/// <summary>A journey that shows a popup on a unique trigger event, and a visitor connection that records what it receives.</summary>
public static class PopupJourneys
{
    /// <summary>Publishes it and returns the trigger event's name.</summary>
    public static async Task<string> PublishAsync(ProductionCluster cluster)
    {
        var id = "popup-" + Guid.NewGuid().ToString("N")[..8];
        var trigger = "Offer Requested " + id;
        var journey = new JsonObject
        {
            ["id"] = id,
            ["version"] = 1,
            ["name"] = "Popup on request",
            ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = trigger, ["next"] = "offer" },
            ["entry"] = new JsonObject { ["mode"] = "always" },
            ["nodes"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "offer", ["type"] = "popup", ["expiresAfter"] = "PT10M", ["next"] = "done",
                    ["template"] = new JsonObject { ["subject"] = "Offer for {{ profile.id }}", ["body"] = "<p>Kind: {{ profile.kind }}</p>" },
                },
                new JsonObject { ["id"] = "done", ["type"] = "exit" }),
        };
        using (var draft = await cluster.ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", journey))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }
        using (var publish = await cluster.ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "keep" }))
        {
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        }
        // Silos refresh their copy of the live journeys at most a second later.
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        return trigger;
    }

    public static async Task<string> SiteTokenAsync(ProductionCluster cluster, string kind, string id)
    {
        using var response = await cluster.ManageAsync(HttpMethod.Post, "/api/visitor-tokens",
            new JsonObject { ["site"] = ProductionCluster.VisitorSite, ["profileKind"] = kind, ["profileId"] = id, ["validForSeconds"] = 600 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
    }

    public static HubConnection Visitor(ProductionCluster cluster, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(cluster.Http.BaseAddress!, "/v1/visitors"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .Build();
}
