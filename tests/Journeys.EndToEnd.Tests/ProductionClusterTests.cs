using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

public sealed class ProductionClusterTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Two_silos_started_at_once_on_an_empty_database_are_both_active_in_the_membership_table()
    {
        Assert.Equal(2, await Cluster.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE status = 3"));
    }

    [Fact]
    public async Task Concurrent_first_starts_applied_each_migration_exactly_once()
    {
        var scripts = typeof(Journeys.Storage.DatabaseMigrator).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal));
        Assert.Equal(scripts, await Cluster.ScalarAsync("SELECT count(*) FROM schema_versions"));
        Assert.Equal(scripts, await Cluster.ScalarAsync("SELECT count(DISTINCT scriptname) FROM schema_versions"));
    }

    [Fact]
    public async Task The_gateway_finds_both_silos_through_the_membership_table()
    {
        var ready = await Cluster.Http.GetStringAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", ready);
        using var silo = new HttpClient();
        Assert.Equal("Healthy", await silo.GetStringAsync(new Uri(Cluster.SiloHealthUrl(0)), TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", await silo.GetStringAsync(new Uri(Cluster.SiloHealthUrl(1)), TestContext.Current.CancellationToken));
    }
}
