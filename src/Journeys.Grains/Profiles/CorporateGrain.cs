using Journeys.Engine.Events;
using Journeys.Engine.Profiles;

namespace Journeys.Grains.Profiles;

[GrainType("corporate")]
[PreferLocalPlacement]
public sealed class CorporateGrain(
    ProfileGrainServices services,
    [PersistentState("profile", ProfileStorage.Name)] IPersistentState<ProfileDocument> stored,
    ILogger<CorporateGrain> logger)
    : ProfileGrain<CorporateProfile>(services, stored, logger), ICorporateGrain
{
    protected override string Kind => ProfileKinds.Corporate;
    protected override CorporateProfile Create(string id) => CorporateReducer.Create(id);
    protected override CorporateProfile Apply(CorporateProfile current, EventEnvelope e, DateTimeOffset now) => CorporateReducer.Apply(current, e);
    protected override CorporateProfile Erase(CorporateProfile current, DateTimeOffset now, string reason) => CorporateReducer.Erase(current, now, reason);
}
