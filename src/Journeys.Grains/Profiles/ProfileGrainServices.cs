using Journeys.Grains.Running;
using Journeys.Grains.Segments;
using Journeys.Storage.Devices;
using Journeys.Storage.Journal;
using Journeys.Storage.Outbox;

namespace Journeys.Grains.Profiles;

/// <summary>The per-silo services every profile grain uses, in one constructor argument.</summary>
public sealed record ProfileGrainServices(
    IEventJournal Journal,
    SegmentDefinitions Segments,
    LiveJourneys LiveJourneys,
    JourneyStatsBuffer Stats,
    IOutboxStore Outbox,
    IDeviceStore Devices,
    TimeProvider Clock);
