using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class ErasureTests
{
    private static readonly DateTimeOffset Now = TestEvents.Now;

    [Fact]
    public void Erasing_a_customer_removes_personal_data_and_keeps_aggregates()
    {
        var profile = new[]
        {
            TestEvents.Identify("u1", new { email = "anna@example.com", birthDate = "1990-04-12" }),
            TestEvents.Track("Consent Updated", new { channel = "email", granted = true }),
            TestEvents.Track("Booking Created", TestEvents.Booking(total: 200m)),
            TestEvents.Track("Trip Completed", CustomerReducerTests.Trip("M4", "Moscow", "Krasnodar", 1000m)),
            TestEvents.Track("Cart Updated", CustomerReducerTests.Cart("c1", 1)),
        }.Aggregate(CustomerReducer.Create("u1"), (s, e) => CustomerReducer.Apply(s, e, Now));
        var withAlias = CustomerReducer.Merge(profile, CustomerReducer.Create("anon-1"), Now);

        var erased = CustomerReducer.Erase(withAlias, Now, "GDPR request #42");

        Assert.Empty(erased.Traits);
        Assert.Empty(erased.AliasIds);
        Assert.Empty(erased.RecentEvents);
        Assert.Empty(erased.Computed.Routes);
        Assert.Empty(erased.Computed.OpenCarts);
        Assert.Null(erased.Computed.LastTrip);
        Assert.Null(erased.Computed.AgeBand);
        Assert.False(erased.Consent.Allows(MessageChannel.Email));
        Assert.DoesNotContain("anna", ProfileJson.Write(erased));
        Assert.Equal((1, 1), (erased.Computed.Bookings, erased.Computed.Trips));
        Assert.Equal(200m, erased.Computed.Ltv["EUR"]);
        Assert.Equal(new ErasureRecord(Now, "GDPR request #42"), erased.Erasure);
    }

    [Fact]
    public void Erasing_a_corporate_removes_traveller_ids_and_keeps_their_count()
    {
        var corporate = CorporateReducer.Apply(
            CorporateReducer.Create("corp1"),
            TestEvents.Track("Booking Created", TestEvents.Booking(passengers: ["p1", "p2"]), userId: "corp1", kind: "corporate"));

        var erased = CorporateReducer.Erase(corporate, Now, "contract ended");

        Assert.Empty(erased.Computed.Travellers);
        Assert.Equal(2, erased.Computed.TravellerCount);
    }

    [Fact]
    public void Erasing_a_cashier_keeps_the_sales_figures()
    {
        var cashier = CashierReducer.Apply(
            CashierReducer.Create("c1"),
            TestEvents.Track("Booking Created", TestEvents.Booking(), userId: "c1", kind: "cashier"),
            Now,
            CashierRules.Default);

        var erased = CashierReducer.Erase(cashier, Now, "left the company");

        Assert.Equal(1, erased.Computed.Total.Bookings);
        Assert.NotNull(erased.Erasure);
    }
}
