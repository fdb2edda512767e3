using Journeys.Engine.Events;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class BookingFanOutTests
{
    [Fact]
    public void A_booking_reaches_the_sender_every_passenger_the_cashier_and_the_corporate()
    {
        var booking = TestEvents.Track("Booking Created", TestEvents.Booking(passengers: ["p1", "p2"]), userId: "booker");

        var targets = BookingFanOut.FanOut(booking);

        Assert.Equal(
            [
                (ProfileKind.Customer, "booker"),
                (ProfileKind.Customer, "p1"),
                (ProfileKind.Customer, "p2"),
                (ProfileKind.Cashier, "c1"),
                (ProfileKind.Corporate, "corp1"),
            ],
            targets.Select(t => (t.Kind, t.ProfileId)));
        Assert.Same(booking, targets[0].Event);
        Assert.Equal($"{booking.MessageId}:cashier:c1", targets[3].Event.MessageId);
        Assert.All(targets, t => Assert.Equal((t.Kind, t.ProfileId), (t.Event.ProfileKind, t.Event.ProfileId)));
    }

    [Fact]
    public void A_passenger_who_sent_the_booking_is_reached_once_with_the_original_message_id()
    {
        var booking = TestEvents.Track("Booking Created", TestEvents.Booking(passengers: ["u1", "p2"], cashierId: null, corporateId: null));

        var targets = BookingFanOut.FanOut(booking);

        Assert.Equal(["u1", "p2"], targets.Select(t => t.ProfileId));
        Assert.Equal(booking.MessageId, targets[0].Event.MessageId);
        Assert.Equal("Petrova", (string?)targets[0].Event.Traits["lastName"]);
    }

    [Fact]
    public void Fan_out_is_deterministic_so_a_replay_derives_the_same_message_ids()
    {
        var booking = TestEvents.Track("Booking Cancelled", TestEvents.Booking(passengers: ["p1"]));

        Assert.Equal(
            BookingFanOut.FanOut(booking).Select(t => t.Event.MessageId),
            BookingFanOut.FanOut(booking).Select(t => t.Event.MessageId));
    }

    [Fact]
    public void Passenger_profiles_learn_their_booking_data_as_traits()
    {
        var booking = TestEvents.Track("Booking Created", TestEvents.Booking(passengers: ["p1"]), userId: "booker");
        var passengerEvent = BookingFanOut.FanOut(booking).Single(t => t.ProfileId == "p1").Event;

        var profile = CustomerReducer.Apply(CustomerReducer.Create("p1"), passengerEvent, TestEvents.Now);

        Assert.Equal("p1@example.com", (string?)profile.Traits["email"]);
        Assert.Equal("35-44", profile.Computed.AgeBand);
        Assert.Equal(300m, profile.Computed.Revenue["EUR"]);
    }

    [Fact]
    public void Other_events_reach_only_the_profile_they_were_sent_for()
    {
        var e = TestEvents.Track("Page Viewed", new { });

        Assert.Equal([(ProfileKind.Customer, "u1")], BookingFanOut.FanOut(e).Select(t => (t.Kind, t.ProfileId)));
    }
}
