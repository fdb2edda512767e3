using Journeys.Engine.Events;
using Journeys.Engine.Profiles;

namespace Journeys.Grains.Profiles;

[GrainType("customer")]
[PreferLocalPlacement]
public sealed class CustomerGrain(
    ProfileGrainServices services,
    [PersistentState("profile", ProfileStorage.Name)] IPersistentState<ProfileDocument> stored,
    ILogger<CustomerGrain> logger)
    : ProfileGrain<CustomerProfile>(services, stored, logger), ICustomerGrain
{
    protected override string Kind => ProfileKinds.Customer;
    protected override CustomerProfile Create(string id) => CustomerReducer.Create(id);
    protected override CustomerProfile Apply(CustomerProfile current, EventEnvelope e, DateTimeOffset now) => CustomerReducer.Apply(current, e, now);
    protected override CustomerProfile Erase(CustomerProfile current, DateTimeOffset now, string reason) => CustomerReducer.Erase(current, now, reason);
    protected override CustomerProfile Merge(CustomerProfile known, CustomerProfile anonymous, DateTimeOffset now) => CustomerReducer.Merge(known, anonymous, now);
}
