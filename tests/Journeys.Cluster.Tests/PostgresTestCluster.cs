using Orleans.TestingHost;

namespace Journeys.Cluster.Tests;

/// <summary>
/// An Orleans test cluster on the production wiring: clustering, grain storage and reminders
/// through <see cref="Hosting.SiloHostingExtensions.UsePostgresProviders"/>, and a client that
/// finds its gateways through the AdoNet clustering provider.
/// </summary>
/// <remarks>
/// The classic <see cref="TestCluster"/> rather than InProcessTestCluster: only the former lets
/// its own in-memory membership table be switched off in Orleans 10.4.2.
/// </remarks>
internal static class PostgresTestCluster
{
    // Fixed, because state and reminders are keyed by ServiceId and membership by ClusterId.
    public const string ServiceId = "journeys-tests";
    public const string ClusterId = "journeys-tests";

    /// <summary>A second grain storage that deletes the row on clear instead of keeping it empty.</summary>
    public const string DeleteOnClearStorage = "delete-on-clear";

    /// <summary>Configuration key through which the configurators get the connection string.</summary>
    public const string ConnectionStringKey = "JourneysTests:ConnectionString";

    /// <param name="configure">Adds to the builder, e.g. more silo configurators and their properties.</param>
    public static async Task<TestCluster> StartAsync(string connectionString, short silos, Action<TestClusterBuilder>? configure = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = ClusterId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        configure?.Invoke(builder);

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync(TestContext.Current.CancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}
