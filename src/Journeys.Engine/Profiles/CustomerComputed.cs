using System.Collections.Immutable;

namespace Journeys.Engine.Profiles;

/// <summary>
/// Computed properties of a customer. <see cref="Revenue"/> is airline booking revenue (the
/// passenger's share of each booking total, net of changes and cancellations); <see cref="Ltv"/>
/// adds orders, toll trips and passes to it. Both are per currency, see <c>docs/events.md</c>.
/// </summary>
public sealed record CustomerComputed
{
    public int Bookings { get; init; }

    public int BookingsCancelled { get; init; }

    public int TicketsIssued { get; init; }

    public int FlightsFlown { get; init; }

    public int Trips { get; init; }

    public int Orders { get; init; }

    public int PassesPurchased { get; init; }

    public int PageViews { get; init; }

    public int MessagesOpened { get; init; }

    public int MessagesClicked { get; init; }

    public ImmutableSortedDictionary<string, decimal> Revenue { get; init; } = ImmutableSortedDictionary<string, decimal>.Empty;

    public ImmutableSortedDictionary<string, decimal> Ltv { get; init; } = ImmutableSortedDictionary<string, decimal>.Empty;

    public TripSummary? LastTrip { get; init; }

    /// <summary>Distinct routes by key (<c>CDG-JFK</c>, <c>A7:Paris-Nord/Lille</c>).</summary>
    public ImmutableSortedDictionary<string, RouteStats> Routes { get; init; } = ImmutableSortedDictionary<string, RouteStats>.Empty;

    public ImmutableSortedDictionary<string, OpenCart> OpenCarts { get; init; } = ImmutableSortedDictionary<string, OpenCart>.Empty;

    /// <summary>From the <c>birthDate</c> (or Segment's <c>birthday</c>) trait, as of the last event.</summary>
    public string? AgeBand { get; init; }
}
