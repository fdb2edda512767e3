using Journeys.Storage.Devices;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Storage.Tests;

/// <summary>Push tokens per profile, in PostgreSQL and in memory alike.</summary>
public sealed class DeviceStoreTests(PostgresFixture postgres) : StoreContractTests<IDeviceStore>(postgres)
{
    protected override IDeviceStore InPostgres() => new PostgresDeviceStore(DataSource);

    protected override IDeviceStore InMemory() => new InMemoryDeviceStore();

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
