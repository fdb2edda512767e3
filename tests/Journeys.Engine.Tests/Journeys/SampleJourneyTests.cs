using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class SampleJourneyTests
{
    public static TheoryData<string> Samples => [.. SampleJourneys.Names];

    [Fact]
    public void All_six_samples_are_shipped() => Assert.Equal(6, SampleJourneys.Names.Count);

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
        var booking = Event("Booking Created", Monday9Utc, new { bookingId = "PNR123", destination = "Lisbon", departureAt = departure.ToString("O") });

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
}
