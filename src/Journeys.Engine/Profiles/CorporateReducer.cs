using System.Collections.Immutable;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>Pure functions for a corporate account: its travellers, spend and bookings by sales channel.</summary>
public static class CorporateReducer
{
    public static CorporateProfile Create(string id) => new() { Id = id };

    public static CorporateProfile Apply(CorporateProfile state, EventEnvelope e)
    {
        var next = ProfileCore.Apply(state, e);
        var c = next.Computed;
        var computed = e.Typed switch
        {
            BookingCreated b => AddTravellers(c, b.Booking) with
            {
                Bookings = c.Bookings + 1,
                Spend = c.Spend.Plus(b.Booking.Currency, b.Booking.Total),
                BookingsByChannel = c.BookingsByChannel.SetItem(b.Booking.SalesChannel, c.BookingsByChannel.GetValueOrDefault(b.Booking.SalesChannel) + 1),
            },
            BookingChanged { PreviousTotal: { } previous } b => AddTravellers(c, b.Booking) with
            {
                Spend = c.Spend.Plus(b.Booking.Currency, b.Booking.Total - previous),
            },
            BookingCancelled b => c with
            {
                BookingsCancelled = c.BookingsCancelled + 1,
                Spend = c.Spend.Plus(b.Booking.Currency, -b.Booking.Total),
            },
            _ => c,
        };

        return next with { Computed = computed };
    }

    /// <summary>Drops traits, consent, activity and traveller ids; counts and spend stay.</summary>
    public static CorporateProfile Erase(CorporateProfile state, DateTimeOffset now, string reason)
    {
        var erased = ProfileCore.Erase(state, now, reason);
        return erased with { Computed = erased.Computed with { Travellers = ImmutableSortedSet<string>.Empty } };
    }

    private static CorporateComputed AddTravellers(CorporateComputed c, BookingDetails booking)
    {
        var travellers = c.Travellers.Union(booking.Passengers.Select(p => p.Id));
        return c with { Travellers = travellers, TravellerCount = c.TravellerCount + (travellers.Count - c.Travellers.Count) };
    }
}
