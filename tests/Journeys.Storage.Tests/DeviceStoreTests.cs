using Journeys.Storage.Devices;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Storage.Tests;

/// <summary>Push tokens per profile, in PostgreSQL and in memory alike.</summary>
public sealed class DeviceStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async ValueTask InitializeAsync() =>
        dataSource = NpgsqlDataSource.Create((await MigratedDatabase.CreateAsync(postgres.Server)).ConnectionString);

    public async ValueTask DisposeAsync() => await dataSource.DisposeAsync();

    public static TheoryData<string> Stores => ["postgres", "memory"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDeviceStore Store(string kind) => kind == "postgres" ? new PostgresDeviceStore(dataSource) : new InMemoryDeviceStore();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_token_registered_twice_is_listed_once_and_a_removed_one_no_more(string kind)
    {
        var store = Store(kind);
        await store.RegisterAsync(new DeviceToken("customer", "ann", "phone", "android"), Ct);
        await store.RegisterAsync(new DeviceToken("customer", "ann", "tablet", "ios"), Ct);
        await store.RegisterAsync(new DeviceToken("customer", "ann", "phone", "android"), Ct);
        await store.RegisterAsync(new DeviceToken("customer", "bob", "phone", "android"), Ct);

        await store.RemoveAsync(new DeviceToken("customer", "ann", "phone", "android"), Ct);

        Assert.Equal(["tablet"], (await store.ForProfileAsync("customer", "ann", Ct)).Select(d => d.Token));
        Assert.Equal(["phone"], (await store.ForProfileAsync("customer", "bob", Ct)).Select(d => d.Token));
    }
}
