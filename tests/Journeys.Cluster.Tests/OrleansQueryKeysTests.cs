using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Configuration;
using Orleans.Storage;

namespace Journeys.Cluster.Tests;

public sealed partial class OrleansQueryKeysTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EveryQueryKeyTheProvidersLookUpIsRegistered()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);

        var registered = await Sql.QueryAsync(database.ConnectionString, "SELECT querykey FROM orleansquery", r => r.GetString(0));

        Assert.Equal(ProviderQueryKeys.All.Order(StringComparer.Ordinal), registered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheClusteringProviderAsksForExactlyTheKnownKeys()
    {
        // Guards an Orleans upgrade: a new key would otherwise fail only when a silo starts.
        Assert.Equal(ProviderQueryKeys.Clustering.Order(StringComparer.Ordinal), StoredQueryKeys(typeof(AdoNetClusteringTable).Assembly));
        Assert.Equal(ProviderQueryKeys.Clustering.Order(StringComparer.Ordinal), StoredQueryKeys(typeof(AdoNetGatewayListProvider).Assembly));
    }

    [Fact]
    public void TheReminderProviderAsksForExactlyTheKnownKeys()
    {
        Assert.Equal(ProviderQueryKeys.Reminders.Order(StringComparer.Ordinal), StoredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly));
    }

    [Fact]
    public void TheGrainStorageProviderLoadsExactlyTheKnownKeys()
    {
        var keys = QuotedKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value);

        Assert.Equal(
            ProviderQueryKeys.GrainStorage.Concat(ProviderQueryKeys.OptionalGrainStorage).Order(StringComparer.Ordinal),
            keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The provider requires one orleansquery row per internal property of its DbStoredQueries.</summary>
    private static IEnumerable<string> StoredQueryKeys(Assembly provider)
    {
        var storedQueries = provider.GetTypes().Single(t => t.Name == "DbStoredQueries");
        return storedQueries.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
    }

    [GeneratedRegex("'(\\w+Key)'")]
    private static partial Regex QuotedKey();
}
