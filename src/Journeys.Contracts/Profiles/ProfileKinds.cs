using System.Collections.Concurrent;

namespace Journeys.Contracts.Profiles;

public static class ProfileKinds
{
    public const string Customer = "customer";
    public const string Cashier = "cashier";
    public const string Corporate = "corporate";

    public static readonly IReadOnlyList<string> All = [Customer, Cashier, Corporate];

    /// <summary>
    /// Each kind's grain type and interface type, taken from its first reference. Orleans works the interface type out
    /// of the CLR type's name on every <c>GetGrain&lt;T&gt;(key)</c>; journal readers ask for thousands of profiles a
    /// second, and that lookup was 5% of a silo applying events (perf, docs/benchmarks.md).
    /// </summary>
    private static readonly ConcurrentDictionary<string, (GrainType Grain, GrainInterfaceType Interface)> ReferenceTypes = new();

    public static bool IsKnown(string? kind) => kind is Customer or Cashier or Corporate;

    /// <summary>The grain of a profile: each kind is its own grain type over one shared contract.</summary>
    public static IProfileGrain GetProfile(this IGrainFactory grains, string kind, string id)
    {
        if (ReferenceTypes.TryGetValue(kind, out var types))
        {
            return (IProfileGrain)grains.GetGrain(GrainId.Create(types.Grain, id), types.Interface);
        }
        IProfileGrain reference = kind switch
        {
            Customer => grains.GetGrain<ICustomerGrain>(id),
            Cashier => grains.GetGrain<ICashierGrain>(id),
            Corporate => grains.GetGrain<ICorporateGrain>(id),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown profile kind"),
        };
        ReferenceTypes.TryAdd(kind, (reference.GetGrainId().Type, ((GrainReference)reference).InterfaceType));
        return reference;
    }
}
