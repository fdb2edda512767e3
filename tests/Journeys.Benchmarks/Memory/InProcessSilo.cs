using Journeys.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Journeys.Benchmarks.Memory;

/// <summary>
/// A production silo (PostgreSQL clustering, grouped profile storage, reminders) hosted in this
/// process, so the benchmark can force a full GC and read the live heap of the silo that holds the
/// activations - something no outside counter gives exactly.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication app;

    private InProcessSilo(WebApplication app) => this.app = app;

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<InProcessSilo> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Journeys"] = connectionString,
            ["Orleans:SiloPort"] = TestSupport.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = TestSupport.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
            ["Operations:Port"] = TestSupport.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddJourneysSilo();
        var app = builder.Build();
        await app.StartAsync();
        return new InProcessSilo(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
