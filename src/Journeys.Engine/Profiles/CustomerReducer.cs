using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>Pure functions from a customer profile and an event (or another profile) to the next profile.</summary>
public static class CustomerReducer
{
    public static CustomerProfile Create(string id) => new() { Id = id };

    public static CustomerProfile Apply(CustomerProfile state, EventEnvelope e, DateTimeOffset now)
    {
        var next = ProfileCore.Apply(state, e);
        var computed = Compute(next, next.Computed, e) with { AgeBand = AgeBandOf(next.Traits, now) };
        return next with { Computed = computed };
    }

    /// <summary>
    /// Folds an anonymous profile into the known one after alias or identify: counts and sums add up,
    /// routes and carts join, the known profile's traits win and consent keeps the latest decisions.
    /// </summary>
    public static CustomerProfile Merge(CustomerProfile known, CustomerProfile anonymous, DateTimeOffset now)
    {
        var merged = ProfileCore.Merge(known, anonymous);
        var a = known.Computed;
        var b = anonymous.Computed;
        return merged with
        {
            Computed = new CustomerComputed
            {
                Bookings = a.Bookings + b.Bookings,
                BookingsCancelled = a.BookingsCancelled + b.BookingsCancelled,
                TicketsIssued = a.TicketsIssued + b.TicketsIssued,
                FlightsFlown = a.FlightsFlown + b.FlightsFlown,
                Trips = a.Trips + b.Trips,
                Orders = a.Orders + b.Orders,
                PassesPurchased = a.PassesPurchased + b.PassesPurchased,
                PageViews = a.PageViews + b.PageViews,
                MessagesOpened = a.MessagesOpened + b.MessagesOpened,
                MessagesClicked = a.MessagesClicked + b.MessagesClicked,
                Revenue = a.Revenue.AddAll(b.Revenue),
                Ltv = a.Ltv.AddAll(b.Ltv),
                LastTrip = new[] { a.LastTrip, b.LastTrip }.OfType<TripSummary>().MaxBy(t => t.At),
                Routes = b.Routes.Aggregate(a.Routes, (routes, pair) =>
                    routes.SetItem(pair.Key, routes.TryGetValue(pair.Key, out var mine) ? mine.Combine(pair.Value) : pair.Value)),
                OpenCarts = b.OpenCarts.Aggregate(a.OpenCarts, (carts, pair) =>
                    carts.TryGetValue(pair.Key, out var mine) && mine.UpdatedAt >= pair.Value.UpdatedAt ? carts : carts.SetItem(pair.Key, pair.Value)),
                AgeBand = AgeBandOf(merged.Traits, now),
            },
        };
    }

    /// <summary>Removes personal data; counts and money sums stay for reporting, the erasure is recorded.</summary>
    public static CustomerProfile Erase(CustomerProfile state, DateTimeOffset now, string reason)
    {
        var erased = ProfileCore.Erase(state, now, reason);
        return erased with
        {
            Computed = erased.Computed with
            {
                LastTrip = null,
                Routes = ImmutableSortedDictionary<string, RouteStats>.Empty,
                OpenCarts = ImmutableSortedDictionary<string, OpenCart>.Empty,
                AgeBand = null,
            },
        };
    }

    private static CustomerComputed Compute(CustomerProfile profile, CustomerComputed c, EventEnvelope e) => e.Typed switch
    {
        BookingCreated b => AddBookingValue(c with { Bookings = c.Bookings + 1 }, profile, b.Booking, b.Booking.Total),
        BookingChanged b when b.PreviousTotal is { } previous => AddBookingValue(c, profile, b.Booking, b.Booking.Total - previous),
        BookingCancelled b => AddBookingValue(c with { BookingsCancelled = c.BookingsCancelled + 1 }, profile, b.Booking, -b.Booking.Total),
        TicketIssued => c with { TicketsIssued = c.TicketsIssued + 1 },
        FlightFlown f => Travel(c with { FlightsFlown = c.FlightsFlown + 1 }, $"{f.Origin}-{f.Destination}", "flight", f.Origin, f.Destination, null, f.Departure),
        TripCompleted t => Travel(
            c with { Trips = c.Trips + 1, Ltv = c.Ltv.Plus(t.Currency, t.Amount) },
            $"{t.Road}:{t.EntryPoint}/{t.ExitPoint}", "road", t.EntryPoint, t.ExitPoint, t.Road, e.Timestamp),
        CartUpdated u => UpdateCart(c, u, e.Timestamp),
        CheckoutStarted s when c.OpenCarts.TryGetValue(s.CartId, out var cart) =>
            c with { OpenCarts = c.OpenCarts.SetItem(s.CartId, cart with { CheckoutStartedAt = e.Timestamp }) },
        OrderCompleted o => c with { Orders = c.Orders + 1, Ltv = c.Ltv.Plus(o.Currency, o.Value), OpenCarts = c.OpenCarts.Remove(o.CartId) },
        PassSubscriptionPurchased p => c with { PassesPurchased = c.PassesPurchased + 1, Ltv = c.Ltv.Plus(p.Currency, p.Price) },
        PageViewed => c with { PageViews = c.PageViews + 1 },
        MessageOpened => c with { MessagesOpened = c.MessagesOpened + 1 },
        MessageClicked => c with { MessagesClicked = c.MessagesClicked + 1 },
        _ => c,
    };

    // Only passengers earn revenue, each their share: the booker of a family trip is not paid for twice.
    private static CustomerComputed AddBookingValue(CustomerComputed c, CustomerProfile profile, BookingDetails booking, decimal amount)
    {
        if (!booking.Passengers.Any(p => profile.Owns(p.Id)))
        {
            return c;
        }

        var share = Money.Share(amount, booking.Passengers.Count);
        return c with { Revenue = c.Revenue.Plus(booking.Currency, share), Ltv = c.Ltv.Plus(booking.Currency, share) };
    }

    private static CustomerComputed Travel(CustomerComputed c, string key, string mode, string from, string to, string? road, DateTimeOffset at)
    {
        var route = c.Routes.TryGetValue(key, out var known)
            ? known.Combine(new RouteStats(mode, from, to, road, 1, at, at))
            : new RouteStats(mode, from, to, road, 1, at, at);
        var lastTrip = c.LastTrip is { } last && last.At > at ? last : new TripSummary(key, mode, from, to, road, at);
        return c with { Routes = c.Routes.SetItem(key, route), LastTrip = lastTrip };
    }

    // An emptied cart is not abandoned, so it stops being open.
    private static CustomerComputed UpdateCart(CustomerComputed c, CartUpdated u, DateTimeOffset at)
    {
        if (u.Items.Count == 0)
        {
            return c with { OpenCarts = c.OpenCarts.Remove(u.CartId) };
        }

        var openedAt = c.OpenCarts.TryGetValue(u.CartId, out var existing) ? existing.OpenedAt : at;
        var cart = new OpenCart(u.CartId, u.Value, u.Currency, u.Items.Sum(i => i.Quantity), openedAt, at, existing?.CheckoutStartedAt);
        return c with { OpenCarts = c.OpenCarts.SetItem(u.CartId, cart) };
    }

    private static string? AgeBandOf(JsonObject traits, DateTimeOffset now)
    {
        var text = BirthDateText(traits, "birthDate") ?? BirthDateText(traits, "birthday");
        return text is not null && JsonFormats.TryParseBirthDate(text, out var birthDate)
            ? AgeBands.Of(birthDate, DateOnly.FromDateTime(now.UtcDateTime))
            : null;
    }

    private static string? BirthDateText(JsonObject traits, string name) =>
        traits[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
