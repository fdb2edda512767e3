using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class CorporateReducerTests
{
    [Fact]
    public void A_corporate_counts_distinct_travellers_spend_and_bookings_by_channel()
    {
        var events = new[]
        {
            TestEvents.Track("Booking Created", TestEvents.Booking(pnr: "AAAAA1", passengers: ["p1", "p2"], total: 500m, channel: "agency"), userId: "corp1", kind: "corporate"),
            TestEvents.Track("Booking Created", TestEvents.Booking(pnr: "AAAAA2", passengers: ["p2", "p3"], total: 300m, channel: "web"), userId: "corp1", kind: "corporate"),
            TestEvents.Track("Booking Cancelled", TestEvents.Booking(pnr: "AAAAA2", passengers: ["p2", "p3"], total: 300m, channel: "web"), userId: "corp1", kind: "corporate"),
        };

        var state = events.Aggregate(CorporateReducer.Create("corp1"), CorporateReducer.Apply);

        Assert.Equal(["p1", "p2", "p3"], state.Computed.Travellers);
        Assert.Equal(3, state.Computed.TravellerCount);
        Assert.Equal(500m, state.Computed.Spend["EUR"]);
        Assert.Equal(1, state.Computed.BookingsByChannel[SalesChannel.Agency]);
        Assert.Equal(1, state.Computed.BookingsByChannel[SalesChannel.Web]);
        Assert.Equal((2, 1), (state.Computed.Bookings, state.Computed.BookingsCancelled));
    }
}
