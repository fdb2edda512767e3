using Journeys.Engine.Events;
using Journeys.Engine.Profiles;
using Journeys.Grains.Segments;
using Journeys.Storage.Journal;

namespace Journeys.Grains.Profiles;

[GrainType("corporate")]
public sealed class CorporateGrain(
    [PersistentState("profile")] IPersistentState<ProfileDocument> stored,
    IEventJournal journal,
    SegmentDefinitions segments,
    TimeProvider clock,
    ILogger<CorporateGrain> logger)
    : ProfileGrain<CorporateProfile>(stored, journal, segments, clock, logger), ICorporateGrain
{
    protected override string Kind => ProfileKinds.Corporate;
    protected override CorporateProfile Create(string id) => CorporateReducer.Create(id);
    protected override CorporateProfile Apply(CorporateProfile current, EventEnvelope e, DateTimeOffset now) => CorporateReducer.Apply(current, e);
    protected override CorporateProfile Erase(CorporateProfile current, DateTimeOffset now, string reason) => CorporateReducer.Erase(current, now, reason);
}
