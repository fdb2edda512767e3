using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Journeys.Engine.Journeys;

namespace Journeys.Benchmarks.Cluster;

/// <summary>Publishes every shipped sample journey through the management API, as an operator starting from them would.</summary>
public static class SampleJourneyPublisher
{
    public static async Task<IReadOnlyList<string>> PublishAllAsync(BenchmarkCluster cluster)
    {
        using var http = new HttpClient { BaseAddress = cluster.GatewayUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkCluster.ManagementKey);
        var ids = new List<string>();
        foreach (var name in SampleJourneys.Names)
        {
            var json = SampleJourneys.Json(name);
            var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
            using var draft = new StringContent(json, Encoding.UTF8, "application/json");
            (await http.PutAsync($"/api/journeys/{id}/draft", draft)).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync($"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "keep" })).EnsureSuccessStatusCode();
            ids.Add(id);
        }
        // Silos pick up the live journeys in the background within a second.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return ids;
    }
}
