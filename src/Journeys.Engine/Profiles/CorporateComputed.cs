using System.Collections.Immutable;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>
/// A corporate account's travel. <see cref="TravellerCount"/> survives erasure of <see cref="Travellers"/>
/// (passenger ids are personal data of other people).
/// </summary>
public sealed record CorporateComputed
{
    public ImmutableSortedSet<string> Travellers { get; init; } = [];

    public int TravellerCount { get; init; }

    public int Bookings { get; init; }

    public int BookingsCancelled { get; init; }

    public ImmutableSortedDictionary<string, decimal> Spend { get; init; } = ImmutableSortedDictionary<string, decimal>.Empty;

    public ImmutableSortedDictionary<SalesChannel, int> BookingsByChannel { get; init; } = ImmutableSortedDictionary<SalesChannel, int>.Empty;
}
