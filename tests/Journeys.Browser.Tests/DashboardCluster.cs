using Journeys.TestSupport;

namespace Journeys.Browser.Tests;

/// <summary>
/// The production topology (PostgreSQL, two silos, the gateway) whose dispatchers send e-mail to a real
/// SMTP server (maildev), so the results page has deliveries, opens and clicks to show.
/// </summary>
public sealed class DashboardCluster(PostgresFixture postgres) : IAsyncLifetime
{
    private ProductionCluster? cluster;
    private MailDevServer? smtp;

    public ProductionCluster Cluster => cluster ?? throw new InvalidOperationException("cluster not started");

    public MailDevServer Smtp => smtp ?? throw new InvalidOperationException("SMTP server not started");

    public async ValueTask InitializeAsync()
    {
        smtp = await MailDevServer.StartAsync();
        cluster = await ProductionCluster.StartAsync(postgres.Server, new Dictionary<string, string?>
        {
            ["Delivery__Email__SmtpHost"] = "127.0.0.1",
            ["Delivery__Email__SmtpPort"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery__Email__UseTls"] = "false",
            ["Delivery__Dispatch__PollInterval"] = "00:00:00.100",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }
}
