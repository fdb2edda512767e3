using System.Collections.Immutable;

namespace Journeys.Engine.Profiles;

/// <summary>A cashier's sales over a period. Tickets are passenger-tickets: a booking for three people sells three.</summary>
public sealed record SalesStats
{
    public static SalesStats Zero { get; } = new();

    public int Bookings { get; init; }

    public int Tickets { get; init; }

    public int Cancellations { get; init; }

    public ImmutableSortedDictionary<string, decimal> Revenue { get; init; } = ImmutableSortedDictionary<string, decimal>.Empty;
}
