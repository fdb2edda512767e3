namespace Journeys.Engine.Profiles;

/// <summary>
/// Frequent-seller rule: at least <see cref="FrequentSellerTickets"/> tickets in the last
/// <see cref="WindowDays"/> days. <see cref="DaysKept"/> bounds the daily history so state stays small.
/// </summary>
public sealed record CashierRules(int FrequentSellerTickets = 20, int WindowDays = 30, int DaysKept = 400)
{
    public static CashierRules Default { get; } = new();
}
