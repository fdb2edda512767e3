using Journeys.Engine.Events;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class CashierReducerTests
{
    private static readonly CashierRules Rules = new(FrequentSellerTickets: 4, WindowDays: 30, DaysKept: 60);

    private static EventEnvelope Sale(int passengers, decimal total, DateTimeOffset at, string name = "Booking Created") =>
        TestEvents.Track(name, TestEvents.Booking(passengers: [.. Enumerable.Range(1, passengers).Select(i => $"p{i}")], total: total), userId: "c1", at: at, kind: "cashier");

    [Fact]
    public void Sales_are_counted_by_day_and_month_in_tickets_and_revenue()
    {
        var june1 = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var state = new[] { Sale(2, 300m, june1), Sale(1, 100m, june1.AddHours(3)), Sale(1, 100m, june1.AddHours(4), "Booking Cancelled"), Sale(3, 600m, june1.AddDays(-1)) }
            .Aggregate(CashierReducer.Create("c1"), (s, e) => CashierReducer.Apply(s, e, TestEvents.Now, Rules));

        var day = state.Computed.Daily["2025-06-01"];
        Assert.Equal((2, 3, 1, 300m), (day.Bookings, day.Tickets, day.Cancellations, day.Revenue["EUR"]));
        Assert.Equal(3, state.Computed.Daily["2025-05-31"].Tickets);
        Assert.Equal(600m, state.Computed.Monthly["2025-05"].Revenue["EUR"]);
        Assert.Equal(300m, state.Computed.Monthly["2025-06"].Revenue["EUR"]);
        Assert.Equal(6, state.Computed.Total.Tickets);
    }

    [Fact]
    public void A_cashier_becomes_a_frequent_seller_at_the_threshold_and_lapses_when_sales_age_out()
    {
        var now = TestEvents.Now;
        var below = CashierReducer.Apply(CashierReducer.Create("c1"), Sale(3, 300m, now.AddDays(-2)), now, Rules);
        var reached = CashierReducer.Apply(below, Sale(1, 100m, now), now, Rules);
        var later = CashierReducer.Refresh(reached.Computed, now.AddDays(29), Rules);
        var lapsed = CashierReducer.Refresh(reached.Computed, now.AddDays(31), Rules);

        Assert.False(below.Computed.IsFrequentSeller);
        Assert.True(reached.Computed.IsFrequentSeller);
        Assert.Equal(now, reached.Computed.FrequentSellerSince);
        Assert.False(later.IsFrequentSeller);
        Assert.False(lapsed.IsFrequentSeller);
        Assert.Null(lapsed.FrequentSellerSince);
    }

    [Fact]
    public void Daily_history_is_bounded_while_months_are_kept()
    {
        var now = TestEvents.Now;
        var state = CashierReducer.Apply(CashierReducer.Create("c1"), Sale(1, 100m, now.AddDays(-90)), now, Rules);

        Assert.Empty(state.Computed.Daily);
        Assert.Equal(1, state.Computed.Monthly["2025-03"].Tickets);
    }
}
