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

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_push_delivery_keeps_the_first_outcome_of_each_device_and_only_its_own(string kind)
    {
        var store = Store(kind);
        await store.RecordSendAsync("ann/promo/1", "phone", failure: null, Ct);
        await store.RecordSendAsync("ann/promo/1", "tablet", "answered 400: invalid token", Ct);
        await store.RecordSendAsync("ann/promo/1", "tablet", failure: null, Ct);
        await store.RecordSendAsync("ann/other/1", "watch", failure: null, Ct);

        var sends = await store.SendsAsync("ann/promo/1", Ct);

        Assert.Equal(["phone", "tablet"], sends.Keys.Order());
        Assert.Null(sends["phone"]);
        Assert.Equal("answered 400: invalid token", sends["tablet"]);
        Assert.Empty(await store.SendsAsync("bob/promo/1", Ct));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Forgetting_a_profile_drops_its_tokens_and_their_sends_but_not_a_token_another_profile_shares(string kind)
    {
        var store = Store(kind);
        await store.RegisterAsync(new DeviceToken("customer", "ann", "phone", "android"), Ct);
        await store.RegisterAsync(new DeviceToken("customer", "ann", "family-tablet", "ios"), Ct);
        await store.RegisterAsync(new DeviceToken("customer", "bob", "family-tablet", "ios"), Ct);
        await store.RecordSendAsync("ann/promo/1", "phone", failure: null, Ct);
        await store.RecordSendAsync("bob/promo/1", "family-tablet", failure: null, Ct);

        Assert.Equal(2, await store.ForgetProfileAsync("customer", "ann", Ct));

        Assert.Empty(await store.ForProfileAsync("customer", "ann", Ct));
        Assert.Empty(await store.SendsAsync("ann/promo/1", Ct));
        Assert.Equal(["family-tablet"], (await store.ForProfileAsync("customer", "bob", Ct)).Select(d => d.Token));
        Assert.Equal(["family-tablet"], (await store.SendsAsync("bob/promo/1", Ct)).Keys);
        Assert.Equal(0, await store.ForgetProfileAsync("customer", "ann", Ct));
    }
}
