using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

public sealed class EmbeddedGatewayTests
{
    [Fact]
    public async Task Gateway_without_a_database_is_ready_within_30_seconds_and_says_it_is_not_durable()
    {
        var http = FreePort.Next();
        await using var gateway = HostProcess.Start(RepositoryPaths.GatewayDll, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
        });

        await gateway.WaitUntilHealthyAsync($"http://127.0.0.1:{http}/health/ready", TimeSpan.FromSeconds(30));

        Assert.Contains(gateway.Output, line => line.Contains("Nothing is durable", StringComparison.Ordinal));
        Assert.Contains(gateway.Output, line => line.Contains($"http://127.0.0.1:{http}/health/ready", StringComparison.Ordinal));
        using var client = new HttpClient();
        using var dashboard = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/dashboard/"), TestContext.Current.CancellationToken);
        Assert.True(dashboard.IsSuccessStatusCode, $"dashboard answered {dashboard.StatusCode}");
    }
}
