using System.Text.Json.Nodes;
using Journeys.Contracts.Profiles;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// Every sample journey but the abandoned cart (<see cref="AbandonedCartClusterTests"/>) run end to end
/// in profile grains: events through the journal, time on a fake clock, reminders delivered as ticks.
/// </summary>
public sealed class SampleJourneyClusterTests(SampleJourneysClusterFixture fixture) : IClassFixture<SampleJourneysClusterFixture>
{
    private JourneyCluster Journeys => fixture.Journeys;

    [Fact]
    public async Task Return_visit_popup_shows_the_last_route_to_a_driver_once_a_day()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        await Journeys.SendAsync(Calls.Trip("rv-driver", "M4", "Moscow", "Voronezh"), Calls.PageView("rv-driver"), Calls.PageView("rv-newcomer"));
        await Journeys.SendAsync(Calls.PageView("rv-driver"));
        Journeys.Advance(TimeSpan.FromDays(1));
        await Journeys.SendAsync(Calls.PageView("rv-driver"));

        Assert.Equal(["popup", "popup"], await ChannelsAsync("customer", "rv-driver", "toll-return-visit-popup"));
        Assert.Empty(await ChannelsAsync("customer", "rv-newcomer", "toll-return-visit-popup"));
        var counters = await Journeys.CountersAsync("toll-return-visit-popup", c => c.Node("route-popup").Entered == 2);
        Assert.Equal(2, counters.Total.Exited);
    }

    [Fact]
    public async Task Route_promotion_reaches_corridor_drivers_once_a_month_and_an_m12_trip_converts()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        await Journeys.SendAsync(
            Calls.Consent("rp-corridor", "email"), Calls.Consent("rp-elsewhere", "email"),
            Calls.Trip("rp-corridor", "M7", "Moscow", "Vladimir"), Calls.Trip("rp-corridor", "M7", "Vladimir", "Moscow"),
            Calls.Trip("rp-elsewhere", "M4", "Moscow", "Tula"), Calls.Trip("rp-elsewhere", "M4", "Tula", "Moscow"), Calls.Trip("rp-elsewhere", "M4", "Moscow", "Tula"));
        Journeys.Advance(TimeSpan.FromDays(10));
        await Journeys.SendAsync(Calls.Trip("rp-corridor", "M7", "Moscow", "Vladimir"));
        Journeys.Advance(TimeSpan.FromDays(21));
        await Journeys.SendAsync(Calls.Trip("rp-corridor", "M7", "Vladimir", "Moscow"));
        Journeys.Advance(TimeSpan.FromDays(2));
        await Journeys.SendAsync(Calls.Trip("rp-corridor", "M12", "Moscow", "Kazan"));

        Assert.Equal(["email", "email"], await ChannelsAsync("customer", "rp-corridor", "toll-route-promotion"));
        Assert.Empty(await ChannelsAsync("customer", "rp-elsewhere", "toll-route-promotion"));
        var counters = await Journeys.CountersAsync("toll-route-promotion", c => c.Total.Converted == 1);
        Assert.Equal(2, counters.Node("destinations").Entered);
    }

    [Fact]
    public async Task Loyalty_welcome_sends_two_emails_three_days_apart_and_the_first_booking_converts()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        var joined = new JsonObject { ["memberId"] = "M-100", ["tier"] = "basic" };
        await Journeys.SendAsync(
            Calls.Consent("lw-member", "email"),
            Calls.Track("lw-member", "Loyalty Programme Joined", joined, traits: new JsonObject { ["firstName"] = "Anna" }),
            Calls.Track("lw-silent", "Loyalty Programme Joined", (JsonObject)joined.DeepClone()));
        Journeys.Advance(TimeSpan.FromDays(3));
        await Journeys.WakeDueAsync();
        Journeys.Advance(TimeSpan.FromDays(1));
        await Journeys.SendAsync(Calls.Booking("LWB001", "lw-member", "web"));

        Assert.Equal(["welcome", "how-to-earn"], (await Journeys.TimelineAsync("customer", "lw-member", "airline-loyalty-welcome")).Select(t => t.NodeId));
        Assert.Empty(await Journeys.TimelineAsync("customer", "lw-silent", "airline-loyalty-welcome"));
        var counters = await Journeys.CountersAsync("airline-loyalty-welcome", c => c.Total.Converted == 1 && c.Total.Exited == 2);
        Assert.Equal((1, 1), (counters.Node("welcome").Suppressed, counters.Node("how-to-earn").Suppressed));
    }

    [Fact]
    public async Task Tier_upgrade_congratulates_each_upgrade_and_ignores_a_downgrade()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        JsonObject Change(string from, string to) => Calls.Track("tu-member", "Loyalty Tier Changed", new JsonObject { ["fromTier"] = from, ["toTier"] = to });
        await Journeys.SendAsync(
            Calls.Identify("tu-member", new JsonObject { ["hasMobileApp"] = true }), Calls.Consent("tu-member", "email"), Calls.Consent("tu-member", "push"),
            Change("basic", "silver"), Change("gold", "silver"), Change("silver", "gold"));

        var sends = (await Journeys.TimelineAsync("customer", "tu-member", "airline-tier-upgrade")).ToList();
        Assert.Equal(["email", "push", "email", "push"], sends.Select(s => s.Channel));
        Assert.Contains("\"toTier\":\"gold\"", sends[2].CommandJson, StringComparison.Ordinal);
        await Journeys.CountersAsync("airline-tier-upgrade", c => c.Node("congratulate").Entered == 2 && c.Total.Exited == 2);
    }

    [Fact]
    public async Task Booking_follow_up_awards_points_emails_and_pushes_two_days_before_departure()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        var departure = Journeys.Now.AddDays(10).AddHours(1);
        await Journeys.SendAsync(
            Calls.Identify("bf-member", new JsonObject { ["loyaltyMember"] = true }), Calls.Consent("bf-member", "email"), Calls.Consent("bf-member", "push"),
            Calls.Booking("BFU001", "bf-member", "web", departure: departure));
        Assert.Equal(["awardPoints", "sendMessage"], (await Journeys.TimelineAsync("customer", "bf-member", "airline-booking-follow-up")).Select(t => t.Type));

        Journeys.AdvanceTo(departure.AddDays(-2));
        await Journeys.WakeDueAsync();

        var timeline = await Journeys.TimelineAsync("customer", "bf-member", "airline-booking-follow-up");
        Assert.Equal([null, "email", "push"], timeline.Select(t => t.Channel));
        Assert.Contains("\"points\":250", timeline[0].CommandJson, StringComparison.Ordinal);
        await Journeys.CountersAsync("airline-booking-follow-up", c => c.Node("pre-trip").Entered == 1 && c.Total.Exited == 1);
    }

    [Fact]
    public async Task Frequent_seller_cashier_gets_one_voucher_at_the_hundredth_ticket()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        await Journeys.SendAsync(Calls.Consent("fs-cashier", "email", kind: "cashier"));
        await Journeys.SendAsync(Enumerable.Range(0, 99).Select(i => Calls.Booking($"FS{i:D4}", $"fs-pax-{i}", "agency", cashierId: "fs-cashier")));
        Assert.Empty(await Journeys.TimelineAsync("cashier", "fs-cashier", "airline-cashier-frequent-seller"));

        await Journeys.SendAsync(Calls.Booking("FS0100", "fs-pax-100", "agency", cashierId: "fs-cashier"), Calls.Booking("FS0101", "fs-pax-101", "agency", cashierId: "fs-cashier"));

        var timeline = await Journeys.TimelineAsync("cashier", "fs-cashier", "airline-cashier-frequent-seller");
        Assert.Equal(["issueVoucher", "setTrait", "sendMessage"], timeline.Select(t => t.Type));
        var view = await Journeys.Cluster.Client.GetProfile("cashier", "fs-cashier").GetAsync();
        Assert.Contains("\"frequentSellerSince\":\"reached-100\"", view.StateJson, StringComparison.Ordinal);
        await Journeys.CountersAsync("airline-cashier-frequent-seller", c => c.Node("voucher").Entered == 1 && c.Total.Exited == 1);
    }

    [Fact]
    public async Task Corporate_nudge_starts_at_the_third_agency_booking_and_a_direct_booking_converts()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        await Journeys.SendAsync(
            Calls.Consent("co-agency", "email", kind: "corporate"), Calls.Consent("co-direct", "email", kind: "corporate"),
            Calls.Booking("COA001", "co-pax-1", "agency", corporateId: "co-agency"), Calls.Booking("COA002", "co-pax-2", "agency", corporateId: "co-agency"),
            Calls.Booking("COD001", "co-pax-3", "agency", corporateId: "co-direct"), Calls.Booking("COD002", "co-pax-4", "web", corporateId: "co-direct"),
            Calls.Booking("COD003", "co-pax-5", "mobile", corporateId: "co-direct"), Calls.Booking("COD004", "co-pax-6", "agency", corporateId: "co-direct"));
        Assert.Empty(await Journeys.TimelineAsync("corporate", "co-agency", "airline-corporate-agency-nudge"));

        await Journeys.SendAsync(Calls.Booking("COA003", "co-pax-1", "agency", corporateId: "co-agency"));
        Assert.Equal(["email"], await ChannelsAsync("corporate", "co-agency", "airline-corporate-agency-nudge"));
        Journeys.Advance(TimeSpan.FromDays(5));
        await Journeys.SendAsync(Calls.Booking("COA004", "co-pax-2", "web", corporateId: "co-agency"));

        Assert.Empty(await Journeys.TimelineAsync("corporate", "co-direct", "airline-corporate-agency-nudge"));
        var counters = await Journeys.CountersAsync("airline-corporate-agency-nudge", c => c.Total.Converted == 1);
        Assert.Equal(1, counters.Node("direct-booking-offer").Entered);
    }

    [Fact]
    public async Task Lapsed_flyer_gets_a_promo_code_an_email_on_tuesday_morning_and_an_sms_two_weeks_later()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        await Journeys.SendAsync(Calls.Consent("lf-flyer", "email"), Calls.Consent("lf-flyer", "sms"), Calls.Identify("lf-flyer", new JsonObject { ["lapsedFlyer"] = true }));
        Assert.Equal(["issuePromoCode"], (await Journeys.TimelineAsync("customer", "lf-flyer", "airline-lapsed-flyer-promo")).Select(t => t.Type));

        var tuesday = Journeys.Now.Date.AddHours(10);
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday || tuesday <= Journeys.Now.UtcDateTime)
        {
            tuesday = tuesday.AddDays(1);
        }
        Journeys.AdvanceTo(new DateTimeOffset(tuesday, TimeSpan.Zero));
        await Journeys.WakeDueAsync();
        Journeys.Advance(TimeSpan.FromDays(14));
        await Journeys.WakeDueAsync();

        Assert.Equal([null, "email", "sms"], (await Journeys.TimelineAsync("customer", "lf-flyer", "airline-lapsed-flyer-promo")).Select(t => t.Channel));
        await Journeys.CountersAsync("airline-lapsed-flyer-promo", c => c.Node("sms-reminder").Entered == 1 && c.Total.Exited == 1);
    }

    private async Task<IReadOnlyList<string?>> ChannelsAsync(string kind, string id, string journeyId) =>
        (await Journeys.TimelineAsync(kind, id, journeyId)).Where(t => t.Type is "sendMessage" or "showPopup").Select(t => t.Channel).ToList();
}
