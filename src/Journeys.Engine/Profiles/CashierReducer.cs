using System.Collections.Immutable;
using System.Globalization;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>
/// Pure functions for a cashier (ticket agent) profile. Sales come from the bookings fanned out to the
/// cashier who sold them; periods are UTC days and months of the event timestamp.
/// </summary>
public static class CashierReducer
{
    public static CashierProfile Create(string id) => new() { Id = id };

    public static CashierProfile Apply(CashierProfile state, EventEnvelope e, DateTimeOffset now, CashierRules rules)
    {
        var next = ProfileCore.Apply(state, e);
        var sale = e.Typed switch
        {
            BookingCreated b => SalesStats.Zero with
            {
                Bookings = 1,
                Tickets = b.Booking.Passengers.Count,
                Revenue = SalesStats.Zero.Revenue.Plus(b.Booking.Currency, b.Booking.Total),
            },
            BookingChanged { PreviousTotal: { } previous } b => SalesStats.Zero with
            {
                Revenue = SalesStats.Zero.Revenue.Plus(b.Booking.Currency, b.Booking.Total - previous),
            },
            BookingCancelled b => SalesStats.Zero with
            {
                Cancellations = 1,
                Revenue = SalesStats.Zero.Revenue.Plus(b.Booking.Currency, -b.Booking.Total),
            },
            _ => null,
        };

        var computed = sale is null ? next.Computed : Record(next.Computed, sale, e.Timestamp);
        return next with { Computed = Refresh(computed, now, rules) };
    }

    /// <summary>
    /// Re-evaluates the frequent-seller status and drops old days, for when time passes without sales
    /// (a reminder can call it so the status lapses on time).
    /// </summary>
    public static CashierComputed Refresh(CashierComputed computed, DateTimeOffset now, CashierRules rules)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var oldestKept = DayKey(today.AddDays(1 - rules.DaysKept));
        var windowStart = DayKey(today.AddDays(1 - rules.WindowDays));
        var daily = computed.Daily.RemoveRange(computed.Daily.Keys.Where(day => string.CompareOrdinal(day, oldestKept) < 0));
        var ticketsInWindow = daily.Where(day => string.CompareOrdinal(day.Key, windowStart) >= 0).Sum(day => day.Value.Tickets);
        var frequent = ticketsInWindow >= rules.FrequentSellerTickets;
        return computed with
        {
            Daily = daily,
            IsFrequentSeller = frequent,
            FrequentSellerSince = frequent ? computed.FrequentSellerSince ?? now : null,
        };
    }

    /// <summary>Drops traits, consent and activity; sales figures are the employer's business data and stay.</summary>
    public static CashierProfile Erase(CashierProfile state, DateTimeOffset now, string reason) =>
        ProfileCore.Erase(state, now, reason);

    private static CashierComputed Record(CashierComputed c, SalesStats sale, DateTimeOffset at)
    {
        var day = DayKey(DateOnly.FromDateTime(at.UtcDateTime));
        var month = at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return c with
        {
            Total = Add(c.Total, sale),
            Daily = c.Daily.SetItem(day, Add(c.Daily.GetValueOrDefault(day, SalesStats.Zero), sale)),
            Monthly = c.Monthly.SetItem(month, Add(c.Monthly.GetValueOrDefault(month, SalesStats.Zero), sale)),
        };
    }

    private static SalesStats Add(SalesStats a, SalesStats b) => new()
    {
        Bookings = a.Bookings + b.Bookings,
        Tickets = a.Tickets + b.Tickets,
        Cancellations = a.Cancellations + b.Cancellations,
        Revenue = a.Revenue.AddAll(b.Revenue),
    };

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
