using System.Net;
using System.Text.Json.Nodes;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Browser.Tests;

/// <summary>
/// A marketer in headless Chromium on the production topology (PostgreSQL, two silos, the gateway, a real
/// SMTP server): the browser part is <c>dashboards/e2e/dashboards.e2e.mjs</c>; this class starts the
/// cluster, runs it, and checks what the page showed against the database, then across a gateway restart.
/// </summary>
public sealed class DashboardBrowserTests(DashboardCluster fixture) : IClassFixture<DashboardCluster>
{
    private const string JourneyId = "dash-cart";
    private const int LoadEvents = 2000;
    private static readonly string Artifacts = Path.Combine(RepositoryPaths.Root, "artifacts");
    private static readonly string[] Counters = ["entered", "passed", "exited", "suppressed", "waiting", "converted"];
    private static readonly string[] MessageCounters = ["sent", "delivered", "opened", "clicked", "unsubscribed"];

    [Fact]
    public async Task A_marketer_builds_and_watches_a_journey_live_and_the_dashboard_totals_match_the_database()
    {
        var cluster = fixture.Cluster;

        string output;
        try
        {
            output = await ProcessRunner.RunAsync("node", [Path.Combine(RepositoryPaths.Root, "dashboards", "e2e", "dashboards.e2e.mjs")], TimeSpan.FromMinutes(6), new Dictionary<string, string?>
            {
                ["BASE_URL"] = cluster.Http.BaseAddress!.ToString().TrimEnd('/'),
                ["ADMIN_KEY"] = ProductionCluster.ManagementKey,
                ["WRITE_KEY"] = ProductionCluster.WriteKey,
                ["SCREENSHOTS"] = Path.Combine(Artifacts, "screenshots"),
                ["LOAD_EVENTS"] = LoadEvents.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["MAILDEV_URL"] = fixture.Smtp.ApiAddress.ToString().TrimEnd('/'),
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            Assert.Fail($"the browser script failed: {ex.Message}\n{cluster.Gateway?.OutputText}");
            throw;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        var page = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Artifacts, "dashboard-figures.json"), TestContext.Current.CancellationToken))!;
        var shown = page["shown"]!.AsObject();
        var stored = await ReadDatabaseAsync(cluster.ConnectionString);
        foreach (var (node, figures) in shown)
        {
            foreach (var counter in Counters)
            {
                Assert.True((long)figures![counter]! == stored.GetValueOrDefault((node, counter)),
                    $"{node}.{counter}: the page showed {figures[counter]}, the database holds {stored.GetValueOrDefault((node, counter))}");
            }
        }
        Assert.Equal(40 + (long)page["liveSends"]! + LoadEvents, stored[("holdout", "entered")]);
        var sends = await ReadOutboxAsync(cluster.ConnectionString);
        foreach (var counter in MessageCounters)
        {
            Assert.True((long)page["messages"]![counter]! == sends[counter],
                $"email.{counter}: the results page showed {page["messages"]![counter]}, the outbox holds {sends[counter]}");
        }

        // The figures are in PostgreSQL: a restarted gateway shows the same.
        await cluster.Gateway!.DisposeAsync();
        await cluster.StartGatewayAsync();
        using var live = await cluster.ManageAsync(HttpMethod.Get, $"/api/dashboard/journeys/{JourneyId}/live");
        var nodes = JsonNode.Parse(await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["nodes"]!.AsArray();
        foreach (var node in nodes)
        {
            foreach (var counter in Counters)
            {
                Assert.Equal(stored.GetValueOrDefault(((string)node!["nodeId"]!, counter)), (long)node[counter]!);
            }
        }
        using var results = await cluster.ManageAsync(HttpMethod.Get, $"/api/dashboard/journeys/{JourneyId}/results");
        var email = JsonNode.Parse(await results.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["messages"]!.AsArray().Single(m => (string?)m!["nodeId"] == "email")!;
        foreach (var counter in MessageCounters)
        {
            Assert.Equal(sends[counter], (long)email[counter]!);
        }
    }

    [Fact]
    public async Task The_dashboard_data_and_its_live_hub_refuse_callers_without_a_management_key()
    {
        using var client = new HttpClient { BaseAddress = fixture.Cluster.Http.BaseAddress };

        using var data = await client.GetAsync(new Uri("/api/dashboard/journeys", UriKind.Relative), TestContext.Current.CancellationToken);
        using var hub = await client.PostAsync(new Uri("/hubs/dashboard/negotiate?negotiateVersion=1&access_token=wrong", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var allowed = await client.PostAsync(new Uri($"/hubs/dashboard/negotiate?negotiateVersion=1&access_token={ProductionCluster.ManagementKey}", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var app = await client.GetAsync(new Uri("/dashboard/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Contains("<title>Journeys dashboards</title>", await app.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>The e-mail node's outbox rows: finished (sent), accepted by the SMTP server (delivered), and their tracked engagement.</summary>
    private static async Task<Dictionary<string, long>> ReadOutboxAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE status IN ('sent', 'dead')), count(*) FILTER (WHERE status = 'sent'), count(opened_at), count(clicked_at), count(unsubscribed_at) FROM outbox WHERE journey_id = @journey AND node_id = 'email'",
            connection);
        command.Parameters.AddWithValue("journey", JourneyId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return MessageCounters.Select((counter, i) => (counter, reader.GetInt64(i))).ToDictionary(c => c.counter, c => c.Item2);
    }

    private static async Task<Dictionary<(string Node, string Counter), long>> ReadDatabaseAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT node_id, sum(entered), sum(passed), sum(exited), sum(suppressed), sum(waiting), sum(converted) FROM journey_node_stats WHERE journey_id = @journey GROUP BY node_id",
            connection);
        command.Parameters.AddWithValue("journey", JourneyId);
        await using var reader = await command.ExecuteReaderAsync();
        var figures = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < Counters.Length; i++)
            {
                figures[(reader.GetString(0), Counters[i])] = reader.GetInt64(i + 1);
            }
        }
        return figures;
    }
}
