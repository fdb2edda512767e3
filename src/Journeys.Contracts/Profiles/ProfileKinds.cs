namespace Journeys.Contracts.Profiles;

public static class ProfileKinds
{
    public const string Customer = "customer";
    public const string Cashier = "cashier";
    public const string Corporate = "corporate";

    public static readonly IReadOnlyList<string> All = [Customer, Cashier, Corporate];

    public static bool IsKnown(string? kind) => kind is Customer or Cashier or Corporate;

    /// <summary>The grain of a profile: each kind is its own grain type over one shared contract.</summary>
    public static IProfileGrain GetProfile(this IGrainFactory grains, string kind, string id) => kind switch
    {
        Customer => grains.GetGrain<ICustomerGrain>(id),
        Cashier => grains.GetGrain<ICashierGrain>(id),
        Corporate => grains.GetGrain<ICorporateGrain>(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown profile kind"),
    };
}
