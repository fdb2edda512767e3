using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class SampleJourneyTests
{
    public static TheoryData<string> Samples => [.. SampleJourneys.Names];

    [Fact]
    public void Every_sample_the_issue_names_is_shipped() => Assert.Equal(
        ["airline-booking-follow-up", "airline-cashier-frequent-seller", "airline-corporate-agency-nudge", "airline-lapsed-flyer-promo",
         "airline-loyalty-welcome", "airline-tier-upgrade", "toll-abandoned-cart", "toll-anniversary-trip", "toll-return-visit-popup", "toll-route-promotion"],
        SampleJourneys.Names);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_validates_clean(string name) => Assert.Empty(JourneyParser.Parse(SampleJourneys.Json(name)).Errors);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_round_trips_through_json(string name)
    {
        var json = JourneyParser.ToJson(SampleJourneys.Load(name));

        Assert.Equal(json, JourneyParser.ToJson(JourneyParser.Parse(json).Definition!));
    }

    [Fact]
    public void Return_visit_popup_shows_the_last_route_once_a_day_to_profiles_with_trips()
    {
        var journey = SampleJourneys.Load("toll-return-visit-popup");
        var driver = Profile("driver", computed: new { trips = 3, passesPurchased = 0, lastTrip = new { from = "Paris", to = "Lyon", road = "A6" } });
        var newcomer = Profile("newcomer", computed: new { trips = 0 });
        var visits = new[] { Event("Page Viewed", Monday9Utc), Event("Page Viewed", Monday9Utc.AddHours(2)), Event("Page Viewed", Monday9Utc.AddDays(1).AddHours(1)) };

        var driverRun = JourneyDryRun.Run(journey, driver, visits, Monday9Utc, Monday9Utc.AddDays(3));
        var newcomerRun = JourneyDryRun.Run(journey, newcomer, visits, Monday9Utc, Monday9Utc.AddDays(3));

        Assert.Equal([Monday9Utc, Monday9Utc.AddDays(1).AddHours(1)], driverRun.Commands.Where(c => c.Command is ShowPopup).Select(c => c.At));
        Assert.Empty(newcomerRun.Commands);
    }

    [Fact]
    public void Anniversary_trip_sends_a_chain_of_two_emails_from_thirty_days_before_last_years_trip()
    {
        var journey = SampleJourneys.Load("toll-anniversary-trip");
        var trip = Event("Trip Completed", new DateTimeOffset(2024, 7, 20, 16, 0, 0, TimeSpan.Zero), new { road = "A7", entryPoint = "Paris", exitPoint = "Marseille", amount = 64, currency = "EUR" });
        var driver = Profile("driver") with { History = [trip] };

        var run = JourneyDryRun.Run(journey, driver, Array.Empty<JourneyEvent>(), new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero));

        var sends = run.Commands.Where(c => c.Command is SendMessage).ToList();
        Assert.Equal(
            [(new DateTimeOffset(2025, 6, 20, 10, 0, 0, TimeSpan.Zero), "price-update"), (new DateTimeOffset(2025, 6, 27, 10, 0, 0, TimeSpan.Zero), "places-and-offers")],
            sends.Select(s => (s.At, s.Command.NodeId)));
        Assert.Equal("A7", ((SendMessage)sends[0].Command).Context.GetProperty("road").GetString());
        Assert.Equal("A7", Assert.Single(run.Instances).CorrelationValue);
    }

    [Fact]
    public void Booking_follow_up_awards_points_emails_and_nudges_two_days_before_departure()
    {
        var journey = SampleJourneys.Load("airline-booking-follow-up");
        var flyer = Profile("flyer", traits: new { loyaltyMember = true, firstName = "Ana" });
        var departure = Monday9Utc.AddDays(10);
        var booking = Event("Booking Created", Monday9Utc, new { pnr = "PNR123", segments = new[] { new { destination = "LIS", departure = departure.ToString("O") } } });

        var run = JourneyDryRun.Run(journey, flyer, [booking], Monday9Utc, Monday9Utc.AddDays(30));

        Assert.Equal(
            [(Monday9Utc, "award-points"), (Monday9Utc, "confirmation"), (departure.AddDays(-2), "pre-trip")],
            run.Commands.Where(c => c.Command is ActionCommand).Select(c => (c.At, c.Command.NodeId)));
        Assert.Equal(250, run.Commands.Select(c => c.Command).OfType<AwardPoints>().Single().Points);
    }

    [Fact]
    public void Frequent_seller_cashier_gets_one_voucher_when_reaching_one_hundred_tickets()
    {
        var journey = SampleJourneys.Load("airline-cashier-frequent-seller");
        var cashier = Profile("cashier-7", traits: new { firstName = "Ivan" }, computed: new { total = new { tickets = 100 } });
        var sales = new[] { Event("Booking Created", Monday9Utc), Event("Booking Created", Monday9Utc.AddHours(1)) };

        var run = JourneyDryRun.Run(journey, cashier, sales, Monday9Utc, Monday9Utc.AddDays(1));
        var belowThreshold = JourneyDryRun.Run(journey, cashier with { Computed = Json("""{ "total": { "tickets": 99 } }""") }, sales, Monday9Utc, Monday9Utc.AddDays(1));

        var voucher = run.Commands.Select(c => c.Command).OfType<IssueVoucher>().Single();
        Assert.Equal(("cashier-bonus", 50m, "EUR"), (voucher.VoucherType, voucher.Amount!.Value, voucher.Currency));
        Assert.Single(run.Commands.Select(c => c.Command).OfType<SendMessage>());
        Assert.Empty(belowThreshold.Commands);
    }

    [Fact]
    public void Lapsed_flyer_gets_a_promo_code_at_once_and_the_email_on_tuesday_morning()
    {
        var journey = SampleJourneys.Load("airline-lapsed-flyer-promo");
        var flyer = Profile("lapsed-1", traits: new { firstName = "Mia" });

        var run = JourneyDryRun.Run(journey, flyer, [new DryRunInput(Monday9Utc, new SegmentEntered("lapsed-flyers"))], Monday9Utc, Monday9Utc.AddDays(30));

        var actions = run.Commands.Where(c => c.Command is ActionCommand).ToList();
        Assert.Equal((Monday9Utc, "promo-code"), (actions[0].At, actions[0].Command.NodeId));
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 10, 0, 0, TimeSpan.Zero), actions[1].At);
        Assert.StartsWith("email-", actions[1].Command.NodeId, StringComparison.Ordinal);
        Assert.Equal(("sms-reminder", new DateTimeOffset(2025, 6, 17, 10, 0, 0, TimeSpan.Zero)), (actions[2].Command.NodeId, actions[2].At));
    }

    [Fact]
    public void Lapsed_flyer_who_books_after_the_email_converts_and_gets_no_sms()
    {
        var journey = SampleJourneys.Load("airline-lapsed-flyer-promo");
        var run = JourneyDryRun.Run(
            journey,
            Profile("lapsed-2"),
            [new DryRunInput(Monday9Utc, new SegmentEntered("lapsed-flyers")), new DryRunInput(Monday9Utc.AddDays(3), new EventReceived(Event("Booking Created", Monday9Utc.AddDays(3))))],
            Monday9Utc,
            Monday9Utc.AddDays(30));

        Assert.Single(run.Commands.Select(c => c.Command).OfType<Converted>());
        Assert.DoesNotContain(run.Commands, c => c.Command.NodeId == "sms-reminder");
    }

    [Fact]
    public void Route_promotion_reaches_corridor_drivers_once_a_month_and_counts_an_m12_trip_as_the_goal()
    {
        var journey = SampleJourneys.Load("toll-route-promotion");
        var corridor = Profile("corridor", computed: new { trips = 4, lastTrip = new { from = "Moscow", to = "Vladimir", road = "M7" } });
        var elsewhere = Profile("elsewhere", computed: new { trips = 9, lastTrip = new { from = "Moscow", to = "Tver", road = "M11" } });
        var trips = new[] { 0, 10, 31 }.Select(day => Event("Trip Completed", Monday9Utc.AddDays(day), new { road = "M7" })).ToList();
        var m12 = Event("Trip Completed", Monday9Utc.AddDays(33), new { road = "M12" });

        var run = JourneyDryRun.Run(journey, corridor, [.. trips, m12], Monday9Utc, Monday9Utc.AddDays(60));

        Assert.Equal([Monday9Utc, Monday9Utc.AddDays(31)], run.Commands.Where(c => c.Command is SendMessage).Select(c => c.At));
        Assert.Equal(Monday9Utc.AddDays(33), Assert.Single(run.Commands, c => c.Command is Converted).At);
        Assert.Empty(JourneyDryRun.Run(journey, elsewhere, trips, Monday9Utc, Monday9Utc.AddDays(60)).Commands);
    }

    [Fact]
    public void Route_promotion_is_capped_by_the_emails_other_journeys_sent_this_week()
    {
        var journey = SampleJourneys.Load("toll-route-promotion");
        var busy = Profile("busy", computed: new { trips = 4, lastTrip = new { from = "Moscow", to = "Kazan", road = "M12" } }) with
        {
            RecentSends = [new SentMessage(Channel.Email, Monday9Utc.AddDays(-2)), new SentMessage(Channel.Email, Monday9Utc.AddDays(-1))],
        };

        var run = JourneyDryRun.Run(journey, busy, [Event("Trip Completed", Monday9Utc, new { road = "M12" })], Monday9Utc, Monday9Utc.AddDays(3));

        Assert.Equal("frequencyCap", Assert.Single(run.Commands.Select(c => c.Command).OfType<Suppressed>()).Reason);
        Assert.DoesNotContain(run.Commands, c => c.Command is SendMessage);
    }

    [Fact]
    public void Loyalty_welcome_sends_two_emails_three_days_apart_and_a_first_booking_is_the_goal()
    {
        var journey = SampleJourneys.Load("airline-loyalty-welcome");
        var joined = Event("Loyalty Programme Joined", Monday9Utc, new { memberId = "M-1", tier = "basic" });

        var run = JourneyDryRun.Run(journey, Profile("member"), [joined, Event("Booking Created", Monday9Utc.AddDays(5))], Monday9Utc, Monday9Utc.AddDays(40));
        var again = JourneyDryRun.Run(journey, Profile("member"), [joined, Event("Loyalty Programme Joined", Monday9Utc.AddDays(1), new { memberId = "M-1" })], Monday9Utc, Monday9Utc.AddDays(40));

        Assert.Equal(
            [(Monday9Utc, "welcome"), (Monday9Utc.AddDays(3), "how-to-earn")],
            run.Commands.Where(c => c.Command is SendMessage).Select(c => (c.At, c.Command.NodeId)));
        Assert.Equal(Monday9Utc.AddDays(5), Assert.Single(run.Commands, c => c.Command is Converted).At);
        Assert.Equal(2, again.Commands.Count(c => c.Command is SendMessage));
    }

    [Fact]
    public void Tier_upgrade_congratulates_upgrades_only_and_pushes_to_app_users()
    {
        var journey = SampleJourneys.Load("airline-tier-upgrade");
        var appUser = Profile("member", traits: new { hasMobileApp = true });
        JourneyEvent Change(string from, string to, int hour) => Event("Loyalty Tier Changed", Monday9Utc.AddHours(hour), new { fromTier = from, toTier = to });

        var run = JourneyDryRun.Run(journey, appUser, [Change("basic", "silver", 0), Change("gold", "silver", 1), Change("silver", "gold", 2)], Monday9Utc, Monday9Utc.AddDays(1));
        var withoutApp = JourneyDryRun.Run(journey, Profile("member"), [Change("basic", "silver", 0)], Monday9Utc, Monday9Utc.AddDays(1));

        Assert.Equal(
            [(Monday9Utc, "congratulate"), (Monday9Utc, "push-card"), (Monday9Utc.AddHours(2), "congratulate"), (Monday9Utc.AddHours(2), "push-card")],
            run.Commands.Where(c => c.Command is SendMessage).Select(c => (c.At, c.Command.NodeId)));
        Assert.Equal(["congratulate"], withoutApp.Commands.Where(c => c.Command is SendMessage).Select(c => c.Command.NodeId));
    }

    [Fact]
    public void Corporate_nudge_starts_at_the_third_agency_booking_and_a_direct_booking_converts()
    {
        var journey = SampleJourneys.Load("airline-corporate-agency-nudge");
        var account = Profile("acme", computed: new { bookings = 5, bookingsByChannel = new { agency = 3, web = 2 } });
        var fewAgency = Profile("small", computed: new { bookings = 5, bookingsByChannel = new { agency = 2, web = 3 } });
        var agency = Event("Booking Created", Monday9Utc, new { salesChannel = "agency" });
        var direct = Event("Booking Created", Monday9Utc.AddDays(4), new { salesChannel = "web" });

        var run = JourneyDryRun.Run(journey, account, [agency, direct], Monday9Utc, Monday9Utc.AddDays(40));

        Assert.Equal(["direct-booking-offer"], run.Commands.Where(c => c.Command is SendMessage).Select(c => c.Command.NodeId));
        Assert.Equal(Monday9Utc.AddDays(4), Assert.Single(run.Commands, c => c.Command is Converted).At);
        Assert.Empty(JourneyDryRun.Run(journey, fewAgency, [agency], Monday9Utc, Monday9Utc.AddDays(40)).Commands);
    }
}
