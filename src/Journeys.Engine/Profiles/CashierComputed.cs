using System.Collections.Immutable;

namespace Journeys.Engine.Profiles;

/// <summary>A cashier's sales by UTC day (<c>2025-06-01</c>) and month (<c>2025-06</c>), and frequent-seller status.</summary>
public sealed record CashierComputed
{
    public SalesStats Total { get; init; } = SalesStats.Zero;

    public ImmutableSortedDictionary<string, SalesStats> Daily { get; init; } = ImmutableSortedDictionary<string, SalesStats>.Empty;

    public ImmutableSortedDictionary<string, SalesStats> Monthly { get; init; } = ImmutableSortedDictionary<string, SalesStats>.Empty;

    public bool IsFrequentSeller { get; init; }

    public DateTimeOffset? FrequentSellerSince { get; init; }
}
