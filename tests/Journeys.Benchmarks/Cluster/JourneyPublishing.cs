using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Journeys.Benchmarks.Cluster;

public static class JourneyPublishing
{
    /// <summary>Saves the journey as a draft and publishes it through the management API, as a marketer would.</summary>
    public static async Task PublishAsync(this BenchmarkCluster cluster, JsonObject journey)
    {
        var id = (string)journey["id"]!;
        using var http = new HttpClient { BaseAddress = cluster.GatewayUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkCluster.ManagementKey);
        (await http.PutAsJsonAsync($"/api/journeys/{id}/draft", journey)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "keep" })).EnsureSuccessStatusCode();
        // Silos refresh their copy of the live journeys at most a second later.
        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}
