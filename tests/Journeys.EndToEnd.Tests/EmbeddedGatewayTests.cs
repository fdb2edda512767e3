using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.Engine.Journeys;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>The README's run command: the gateway alone, no database.</summary>
public sealed class EmbeddedGatewayTests
{
    [Fact]
    public async Task Gateway_without_a_database_is_ready_within_30_seconds_says_it_is_not_durable_and_serves_the_sdk_and_demo()
    {
        var (gateway, http) = await StartAsync();
        await using var _ = gateway;

        Assert.Contains(gateway.Output, line => line.Contains("Nothing is durable", StringComparison.Ordinal));
        Assert.Contains(gateway.Output, line => line.Contains($"http://127.0.0.1:{http}/health/ready", StringComparison.Ordinal));
        using var client = new HttpClient();
        using var dashboard = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/dashboard/"), TestContext.Current.CancellationToken);
        Assert.True(dashboard.IsSuccessStatusCode, $"dashboard answered {dashboard.StatusCode}");
        using var sdk = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/sdk/journeys.js"), TestContext.Current.CancellationToken);
        Assert.Equal(("text/javascript", true), (sdk.Content.Headers.ContentType?.MediaType, sdk.IsSuccessStatusCode));
        var demo = await client.GetStringAsync(new Uri($"http://127.0.0.1:{http}/demo/"), TestContext.Current.CancellationToken);
        Assert.Contains("<script src=\"/sdk/journeys.js\"></script>", demo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embedded_gateway_publishes_every_sample_journey_at_start()
    {
        var (gateway, http) = await StartAsync();
        await using var _ = gateway;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "embedded-admin-key");
        var expected = SampleJourneys.Names.Select(name => SampleJourneys.Load(name).Id).Order().ToList();

        // The loader runs once the application has started and publishes one sample after the other; it logs when done.
        var loaded = $"Loaded {expected.Count} sample journeys";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !gateway.Output.Any(line => line.Contains(loaded, StringComparison.Ordinal)))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        var journeys = (await client.GetFromJsonAsync<JsonArray>("/api/journeys", TestContext.Current.CancellationToken))!;

        Assert.Contains(gateway.Output, line => line.Contains(loaded, StringComparison.Ordinal));
        Assert.Equal(expected, journeys.Select(j => (string)j!["id"]!).Order());
        Assert.All(journeys, j => Assert.Equal(("active", 1), ((string)j!["status"]!, (int)j["publishedVersion"]!)));
    }

    private static async Task<(HostProcess Gateway, int HttpPort)> StartAsync()
    {
        var http = FreePort.Next();
        var gateway = HostProcess.Start(RepositoryPaths.GatewayDll, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
        });
        try
        {
            await gateway.WaitUntilHealthyAsync($"http://127.0.0.1:{http}/health/ready", TimeSpan.FromSeconds(30));
            return (gateway, http);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }
}
