using System.Globalization;
using System.Text.Json;
using Journeys.Benchmarks.Cluster;
using Journeys.Engine.Events;
using Journeys.Engine.Visitors;
using Microsoft.AspNetCore.SignalR.Client;

namespace Journeys.Benchmarks.Popups;

/// <summary>Visitors connected to the gateway's visitor hub, each with its own signed token, logging the popups they get.</summary>
public sealed class VisitorFleet(IReadOnlyList<HubConnection> connections) : IAsyncDisposable
{
    public static string VisitorId(int visitor) => "visitor-" + visitor.ToString(CultureInfo.InvariantCulture);

    public static async Task<VisitorFleet> ConnectAsync(BenchmarkCluster cluster, int visitors, ArrivalLog log)
    {
        var secret = System.Text.Encoding.UTF8.GetBytes(BenchmarkCluster.VisitorSiteSecret);
        var connections = new HubConnection[visitors];
        // A few at a time: a thousand negotiations at once would measure the connect storm, not the steady state.
        await Parallel.ForAsync(0, visitors, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (visitor, ct) =>
        {
            var token = VisitorToken.Create(BenchmarkCluster.VisitorSite, ProfileKind.Customer, VisitorId(visitor), DateTimeOffset.UtcNow.AddHours(2), secret);
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(cluster.GatewayUrl, "/v1/visitors"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            connection.On<JsonElement>("popup", popup =>
            {
                if (long.TryParse(popup.GetProperty("title").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    log.Arrived(n, visitor, PingBatches.VisitorOf(n, visitors));
                }
            });
            await connection.StartAsync(ct);
            connections[visitor] = connection;
        });
        return new VisitorFleet(connections);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
