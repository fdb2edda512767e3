using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class CustomerMergeTests
{
    private static readonly DateTimeOffset Now = TestEvents.Now;

    private static CustomerProfile Build(string id, params EventEnvelope[] events) =>
        events.Aggregate(CustomerReducer.Create(id), (s, e) => CustomerReducer.Apply(s, e, Now));

    [Fact]
    public void Merging_an_anonymous_profile_loses_no_count_sum_route_cart_or_event()
    {
        var anonymous = Build(
            "anon-1",
            Anonymous("Cart Updated", CustomerReducerTests.Cart("c1", 1), Now.AddDays(-3)),
            Anonymous("Trip Completed", CustomerReducerTests.Trip("M4", "Moscow", "Krasnodar", 1000m), Now.AddDays(-2)),
            Anonymous("Page Viewed", new { }, Now.AddDays(-1)));
        var known = Build(
            "u1",
            TestEvents.Identify("u1", new { email = "known@example.com" }),
            TestEvents.Track("Trip Completed", CustomerReducerTests.Trip("M4", "Moscow", "Krasnodar", 500m), at: Now.AddDays(-10)),
            TestEvents.Track("Booking Created", TestEvents.Booking(total: 200m)));

        var merged = CustomerReducer.Merge(known, anonymous, Now);

        Assert.Equal(known.EventCount + anonymous.EventCount, merged.EventCount);
        Assert.Equal(2, merged.Computed.Trips);
        Assert.Equal(1, merged.Computed.Bookings);
        Assert.Equal(1, merged.Computed.PageViews);
        Assert.Equal(1500m, merged.Computed.Ltv["RUB"]);
        Assert.Equal(200m, merged.Computed.Ltv["EUR"]);
        Assert.Equal(2, merged.Computed.Routes["M4:Moscow/Krasnodar"].Count);
        Assert.Equal(Now.AddDays(-10), merged.Computed.Routes["M4:Moscow/Krasnodar"].FirstAt);
        Assert.Equal(["c1"], merged.Computed.OpenCarts.Keys);
        Assert.Equal(Now.AddDays(-10), merged.FirstSeen);
        Assert.Equal(Now, merged.LastSeen);
        Assert.Equal(["anon-1"], merged.AliasIds);
        Assert.Equal(known.RecentEvents.Count + anonymous.RecentEvents.Count, merged.RecentEvents.Count);
        Assert.Equal("known@example.com", (string?)merged.Traits["email"]);
    }

    [Fact]
    public void The_known_profile_traits_win_and_the_anonymous_ones_fill_gaps()
    {
        var anonymous = Build("anon-1", TestEvents.Identify("anon-1", new { email = "old@example.com", city = "Sochi" }));
        var known = Build("u1", TestEvents.Identify("u1", new { email = "new@example.com" }));

        var merged = CustomerReducer.Merge(known, anonymous, Now);

        Assert.Equal("""{"email":"new@example.com","city":"Sochi"}""", merged.Traits.ToJsonString());
    }

    [Fact]
    public void Merged_consent_keeps_the_latest_decision_per_channel()
    {
        var anonymous = Build("anon-1", Anonymous("Consent Updated", new { channel = "email", granted = true }, Now.AddDays(-1)));
        var known = Build("u1", TestEvents.Track("Consent Updated", new { channel = "email", granted = false }, at: Now.AddDays(-5)));

        var merged = CustomerReducer.Merge(known, anonymous, Now);

        Assert.True(merged.Consent.Allows(MessageChannel.Email));
    }

    [Fact]
    public void After_a_merge_bookings_under_the_anonymous_id_count_as_the_passengers_own()
    {
        var merged = CustomerReducer.Merge(Build("u1"), Build("anon-1"), Now);

        var after = CustomerReducer.Apply(merged, TestEvents.Track("Booking Created", TestEvents.Booking(passengers: ["anon-1"], total: 80m)), Now);

        Assert.Equal(80m, after.Computed.Revenue["EUR"]);
    }

    [Fact]
    public void An_alias_or_an_event_with_both_ids_asks_for_a_merge()
    {
        var alias = TestEvents.Call(EventType.Alias, new() { ["previousId"] = "anon-1", ["userId"] = "u1" });
        var identify = TestEvents.Identify("u1", new { }, anonymousId: "anon-2");
        var plain = TestEvents.Identify("u1", new { });

        Assert.Equal(new IdentityLink("u1", "anon-1"), IdentityLink.Find(alias));
        Assert.Equal(new IdentityLink("u1", "anon-2"), IdentityLink.Find(identify));
        Assert.Null(IdentityLink.Find(plain));
    }

    private static EventEnvelope Anonymous(string name, object properties, DateTimeOffset at) =>
        TestEvents.Call(EventType.Track, new()
        {
            ["event"] = name,
            ["anonymousId"] = "anon-1",
            ["timestamp"] = at.ToString("O"),
            ["properties"] = System.Text.Json.JsonSerializer.SerializeToNode(properties),
        });
}
