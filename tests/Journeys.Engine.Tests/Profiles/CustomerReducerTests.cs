using Journeys.Engine.Events;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class CustomerReducerTests
{
    private static readonly DateTimeOffset Now = TestEvents.Now;

    private static CustomerProfile ApplyAll(CustomerProfile state, params EventEnvelope[] events) =>
        events.Aggregate(state, (s, e) => CustomerReducer.Apply(s, e, Now));

    [Fact]
    public void A_passenger_earns_their_share_of_each_booking_net_of_changes_and_cancellations()
    {
        var profile = ApplyAll(
            CustomerReducer.Create("u1"),
            TestEvents.Track("Booking Created", TestEvents.Booking(pnr: "AAAAA1", passengers: ["u1", "u2"], total: 300m)),
            TestEvents.Track("Booking Created", TestEvents.Booking(pnr: "AAAAA2", total: 100m)),
            TestEvents.Track("Booking Cancelled", TestEvents.Booking(pnr: "AAAAA2", total: 100m)));

        Assert.Equal(2, profile.Computed.Bookings);
        Assert.Equal(1, profile.Computed.BookingsCancelled);
        Assert.Equal(150m, profile.Computed.Revenue["EUR"]);
        Assert.Equal(150m, profile.Computed.Ltv["EUR"]);
    }

    [Fact]
    public void A_booker_who_does_not_fly_counts_the_booking_but_earns_no_revenue()
    {
        var profile = ApplyAll(CustomerReducer.Create("booker"), TestEvents.Track("Booking Created", TestEvents.Booking(passengers: ["u2"]), userId: "booker"));

        Assert.Equal(1, profile.Computed.Bookings);
        Assert.Empty(profile.Computed.Revenue);
    }

    [Fact]
    public void Ltv_adds_orders_trips_and_passes_per_currency()
    {
        var profile = ApplyAll(
            CustomerReducer.Create("u1"),
            TestEvents.Track("Booking Created", TestEvents.Booking(total: 200m)),
            TestEvents.Track("Order Completed", new { cartId = "c1", orderId = "o1", items = new[] { new { sku = "P", name = "Pass", quantity = 1, price = 35 } }, value = 35, currency = "EUR" }),
            TestEvents.Track("Trip Completed", Trip("M4", "Moscow", "Krasnodar", 4200m)),
            TestEvents.Track("Pass Subscription Purchased", new { passId = "p1", formula = "regional", segment = "private", price = 15, currency = "EUR" }));

        Assert.Equal(200m, profile.Computed.Revenue["EUR"]);
        Assert.Equal(250m, profile.Computed.Ltv["EUR"]);
        Assert.Equal(4200m, profile.Computed.Ltv["RUB"]);
        Assert.Equal(1, profile.Computed.Orders);
        Assert.Equal(1, profile.Computed.PassesPurchased);
    }

    [Fact]
    public void Routes_travelled_keep_a_count_and_the_first_and_last_date()
    {
        var lastYear = new DateTimeOffset(2024, 7, 14, 13, 0, 0, TimeSpan.Zero);
        var profile = ApplyAll(
            CustomerReducer.Create("u1"),
            TestEvents.Track("Trip Completed", Trip("M4", "Moscow", "Krasnodar", 4200m), at: lastYear),
            TestEvents.Track("Trip Completed", Trip("M4", "Moscow", "Krasnodar", 4300m), at: lastYear.AddDays(300)),
            TestEvents.Track("Flight Flown", new { origin = "SVO", destination = "AER", carrier = "SU", flightNumber = "1120", departure = "2025-05-01T08:30:00+03:00" }));

        var road = profile.Computed.Routes["M4:Moscow/Krasnodar"];
        Assert.Equal(new RouteStats("road", "Moscow", "Krasnodar", "M4", 2, lastYear, lastYear.AddDays(300)), road);
        Assert.Equal(1, profile.Computed.Routes["SVO-AER"].Count);
        Assert.Equal(2, profile.Computed.Trips);
        Assert.Equal(1, profile.Computed.FlightsFlown);
        Assert.Equal("M4:Moscow/Krasnodar", profile.Computed.LastTrip?.RouteKey);
    }

    [Fact]
    public void A_cart_stays_open_until_the_order_with_the_same_cart_id()
    {
        var updated = TestEvents.Track("Cart Updated", Cart("c1", 2), at: Now.AddHours(-2));
        var checkout = TestEvents.Track("Checkout Started", new { cartId = "c1" }, at: Now.AddHours(-1));
        var open = ApplyAll(CustomerReducer.Create("u1"), updated, TestEvents.Track("Cart Updated", Cart("c2", 1)), checkout);

        var cart = open.Computed.OpenCarts["c1"];
        Assert.Equal(Now.AddHours(-2), cart.OpenedAt);
        Assert.Equal(Now.AddHours(-1), cart.CheckoutStartedAt);
        Assert.Equal(2, cart.ItemCount);

        var closed = ApplyAll(open, TestEvents.Track("Order Completed", new { cartId = "c1", orderId = "o1", items = new[] { new { sku = "P", name = "Pass", quantity = 1, price = 35 } }, value = 35, currency = "EUR" }));
        Assert.Equal(["c2"], closed.Computed.OpenCarts.Keys);
    }

    [Fact]
    public void An_emptied_cart_is_no_longer_open()
    {
        var profile = ApplyAll(CustomerReducer.Create("u1"), TestEvents.Track("Cart Updated", Cart("c1", 1)), TestEvents.Track("Cart Updated", Cart("c1", 0)));

        Assert.Empty(profile.Computed.OpenCarts);
    }

    [Theory]
    [InlineData("2010-06-02", "0-17")]
    [InlineData("2007-06-01", "18-24")]
    [InlineData("2000-06-01", "25-34")]
    [InlineData("1990-06-01", "35-44")]
    [InlineData("1980-06-02", "35-44")]
    [InlineData("1980-06-01", "45-54")]
    [InlineData("1970-01-01", "55-64")]
    [InlineData("1940-06-01T00:00:00.000Z", "65+")]
    public void The_age_band_comes_from_the_birth_date_trait(string birthDate, string band)
    {
        var profile = ApplyAll(CustomerReducer.Create("u1"), TestEvents.Identify("u1", new { birthDate }));

        Assert.Equal(band, profile.Computed.AgeBand);
    }

    [Fact]
    public void Identify_merges_traits_and_a_null_trait_removes_it()
    {
        var profile = ApplyAll(
            CustomerReducer.Create("u1"),
            TestEvents.Identify("u1", new { email = "a@b.co", plan = "gold" }),
            TestEvents.Identify("u1", new Dictionary<string, object?> { ["plan"] = null, ["city"] = "Sochi" }));

        Assert.Equal("""{"email":"a@b.co","city":"Sochi"}""", profile.Traits.ToJsonString());
    }

    [Fact]
    public void Every_event_moves_last_seen_and_is_listed_among_recent_events()
    {
        var events = Enumerable.Range(0, 25).Select(i => TestEvents.Track("Page Viewed", new { }, at: Now.AddMinutes(i))).ToArray();

        var profile = ApplyAll(CustomerReducer.Create("u1"), events);

        Assert.Equal(Now, profile.FirstSeen);
        Assert.Equal(Now.AddMinutes(24), profile.LastSeen);
        Assert.Equal(25, profile.EventCount);
        Assert.Equal(25, profile.Computed.PageViews);
        Assert.Equal(ProfileState.RecentEventsKept, profile.RecentEvents.Count);
        Assert.Equal(events[^1].MessageId, profile.RecentEvents[^1].MessageId);
    }

    [Fact]
    public void Applying_returns_a_new_state_and_leaves_the_old_one_untouched()
    {
        var before = ApplyAll(CustomerReducer.Create("u1"), TestEvents.Identify("u1", new { plan = "gold" }));

        var after = ApplyAll(before, TestEvents.Identify("u1", new { plan = "silver" }), TestEvents.Track("Booking Created", TestEvents.Booking()));

        Assert.Equal("gold", (string?)before.Traits["plan"]);
        Assert.Equal(0, before.Computed.Bookings);
        Assert.Equal("silver", (string?)after.Traits["plan"]);
    }

    internal static object Trip(string road, string entry, string exit, decimal amount) =>
        new { road, entryPoint = entry, exitPoint = exit, distanceKm = 1195, amount, currency = "RUB", vehicleClass = "1" };

    internal static object Cart(string cartId, int quantity) => new
    {
        cartId,
        items = quantity == 0 ? [] : new[] { new { sku = "PASS", name = "Pass", quantity, price = 35 } },
        value = 35 * quantity,
        currency = "EUR",
    };
}
