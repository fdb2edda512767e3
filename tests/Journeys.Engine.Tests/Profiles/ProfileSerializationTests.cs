using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

/// <summary>Grain storage will persist these states as JSON, so every kind must round-trip unchanged.</summary>
public sealed class ProfileSerializationTests
{
    private static readonly DateTimeOffset Now = TestEvents.Now;

    [Fact]
    public void A_customer_profile_round_trips_through_system_text_json()
    {
        var profile = new[]
        {
            TestEvents.Identify("u1", new { email = "a@b.co", birthDate = "1990-04-12", tier = "vip", miles = 1200 }),
            TestEvents.Track("Consent Updated", new { channel = "email", topic = "news", granted = true }),
            TestEvents.Track("Booking Created", TestEvents.Booking()),
            TestEvents.Track("Trip Completed", CustomerReducerTests.Trip("M4", "Moscow", "Krasnodar", 1000m)),
            TestEvents.Track("Cart Updated", CustomerReducerTests.Cart("c1", 2)),
        }.Aggregate(CustomerReducer.Create("u1"), (s, e) => CustomerReducer.Apply(s, e, Now));
        var merged = CustomerReducer.Erase(CustomerReducer.Merge(profile, CustomerReducer.Create("anon"), Now), Now, "test") with { Traits = profile.Traits };

        AssertRoundTrips(profile);
        AssertRoundTrips(merged);
    }

    [Fact]
    public void Cashier_and_corporate_profiles_round_trip_through_system_text_json()
    {
        var cashier = CashierReducer.Apply(CashierReducer.Create("c1"), TestEvents.Track("Booking Created", TestEvents.Booking(), userId: "c1", kind: "cashier"), Now, CashierRules.Default);
        var corporate = CorporateReducer.Apply(CorporateReducer.Create("corp1"), TestEvents.Track("Booking Created", TestEvents.Booking(), userId: "corp1", kind: "corporate"));

        AssertRoundTrips(cashier);
        AssertRoundTrips(corporate);
    }

    private static void AssertRoundTrips<T>(T state)
    {
        var json = ProfileJson.Write(state);

        Assert.Equal(json, ProfileJson.Write(ProfileJson.Read<T>(json)));
    }
}
