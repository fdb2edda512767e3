using System.Collections.Immutable;

namespace Journeys.Engine.Profiles;

/// <summary>
/// Amounts are summed per ISO 4217 currency and never converted: a profile that paid in EUR and RUB
/// shows both sums. Conversion belongs to reporting, which knows the rates of the day.
/// </summary>
internal static class Money
{
    public static ImmutableSortedDictionary<string, decimal> Plus(
        this ImmutableSortedDictionary<string, decimal> sums, string currency, decimal amount) =>
        amount == 0m ? sums : sums.SetItem(currency, sums.GetValueOrDefault(currency) + amount);

    public static ImmutableSortedDictionary<string, decimal> AddAll(
        this ImmutableSortedDictionary<string, decimal> sums, ImmutableSortedDictionary<string, decimal> other) =>
        other.Aggregate(sums, (merged, pair) => merged.Plus(pair.Key, pair.Value));

    /// <summary>One passenger's part of a booking total, rounded to cents; parts may differ from the total by a cent.</summary>
    public static decimal Share(decimal total, int parts) => Math.Round(total / parts, 2, MidpointRounding.ToEven);
}
