using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// The production topology on its own throwaway PostgreSQL, which the tests crash and start again
/// (the assembly's shared server must stay up for the other classes), with a recording webhook
/// receiver. Dispatch settings are short so rows a killed dispatcher held come back within seconds.
/// </summary>
public sealed class FailureClusterFixture : IAsyncLifetime
{
    public const int Partitions = 8;

    private PostgresServer? server;
    private ProductionCluster? cluster;

    public PostgresServer Server => server ?? throw new InvalidOperationException("PostgreSQL not started");
    public ProductionCluster Cluster => cluster ?? throw new InvalidOperationException("cluster not started");
    public RecordingHttpServer Webhooks { get; } = new();

    public async ValueTask InitializeAsync()
    {
        server = await PostgresServer.StartThrowawayAsync();
        cluster = await ProductionCluster.StartAsync(server, new Dictionary<string, string?>
        {
            ["Journal__Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery__Dispatch__PollInterval"] = "00:00:00.200",
            ["Delivery__Dispatch__Lease"] = "00:00:10",
            ["Delivery__Dispatch__LeaseMargin"] = "00:00:03",
            ["Delivery__Dispatch__RetryBase"] = "00:00:01",
            ["Delivery__Webhook__SigningSecret"] = "failure-tests-signing-secret",
            // Every delivery, save, activation and checkpoint: a failed run's logs then show where an event went.
            ["Serilog__MinimumLevel__Override__Journeys.Grains"] = "Debug",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
        await Webhooks.DisposeAsync();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
