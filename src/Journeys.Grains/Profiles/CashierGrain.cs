using Journeys.Engine.Events;
using Journeys.Engine.Profiles;

namespace Journeys.Grains.Profiles;

[GrainType("cashier")]
[PreferLocalPlacement]
public sealed class CashierGrain(
    ProfileGrainServices services,
    [PersistentState("profile", ProfileStorage.Name)] IPersistentState<ProfileDocument> stored,
    ILogger<CashierGrain> logger)
    : ProfileGrain<CashierProfile>(services, stored, logger), ICashierGrain
{
    protected override string Kind => ProfileKinds.Cashier;
    protected override CashierProfile Create(string id) => CashierReducer.Create(id);
    protected override CashierProfile Apply(CashierProfile current, EventEnvelope e, DateTimeOffset now) => CashierReducer.Apply(current, e, now, CashierRules.Default);
    protected override CashierProfile Erase(CashierProfile current, DateTimeOffset now, string reason) => CashierReducer.Erase(current, now, reason);
}
