using Journeys.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Journeys.Benchmarks.Popups;

/// <summary>
/// The floor under the popup latency: a bare SignalR hub on this machine that sends each message
/// straight back to its sender, driven with the same connections count and rate. Nothing the
/// product does can be faster than this round trip on the same box.
/// </summary>
public sealed class EchoFloor : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HubConnection[] connections;

    private EchoFloor(WebApplication app, HubConnection[] connections)
    {
        this.app = app;
        this.connections = connections;
    }

    public static async Task<EchoFloor> StartAsync(int visitors, ArrivalLog log)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapHub<EchoHub>("/echo");
        await app.StartAsync();

        var connections = new HubConnection[visitors];
        await Parallel.ForAsync(0, visitors, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (visitor, ct) =>
        {
            var connection = new HubConnectionBuilder().WithUrl(url + "/echo").Build();
            connection.On<long>("echo", n => log.Arrived(n, visitor, PingBatches.VisitorOf(n, visitors)));
            await connection.StartAsync(ct);
            connections[visitor] = connection;
        });
        return new EchoFloor(app, connections);
    }

    public Task SendAsync(long n) => connections[PingBatches.VisitorOf(n, connections.Length)].SendAsync(nameof(EchoHub.Echo), n);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed class EchoHub : Hub
    {
        public Task Echo(long n) => Clients.Caller.SendAsync("echo", n);
    }
}
