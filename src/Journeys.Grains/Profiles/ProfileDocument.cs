using Journeys.Storage.GrainState;

namespace Journeys.Grains.Profiles;

/// <summary>
/// What a profile grain stores. The engine's profile is kept as JSON so the engine's model can
/// evolve without Orleans serializer attributes; the bookkeeping that makes delivery exactly-once
/// is typed here.
/// </summary>
[GenerateSerializer, Alias("journeys.profile-document")]
public sealed class ProfileDocument : IDueIndexed
{
    /// <summary>Highest journal position applied; events at or below it are replays and skipped.</summary>
    [Id(0)] public long LastAppliedPosition { get; set; }
    [Id(1)] public string? StateJson { get; set; }
    /// <summary>Set on an anonymous profile folded into a known one: later events are forwarded there.</summary>
    [Id(2)] public string? MergedInto { get; set; }
    /// <summary>Per merged anonymous profile, the highest of its journal positions applied here.</summary>
    [Id(3)] public Dictionary<string, long> ForwardedFrom { get; set; } = [];
    [Id(4)] public List<string> Segments { get; set; } = [];
    /// <summary>The latest entries and exits, newest last (bounded).</summary>
    [Id(5)] public List<SegmentTransition> SegmentHistory { get; set; } = [];
    /// <summary>The engine's journey instances of this profile (JSON, like the profile itself).</summary>
    [Id(6)] public string? JourneysJson { get; set; }
    [Id(7)] public List<TimelineEntry> Timeline { get; set; } = [];
    /// <summary>Recent travel and booking events with their properties: what anniversary triggers look back on.</summary>
    [Id(8)] public string? JourneyHistoryJson { get; set; }
    /// <summary>When the profile's earliest journey step falls due; null when none waits. Saved into the due index.</summary>
    [Id(9)] public DateTimeOffset? DueAt { get; set; }
    /// <summary>Popups nobody was connected for, handed to the next visit unless expired by then.</summary>
    [Id(10)] public List<Contracts.Visitors.PopupMessage> PendingPopups { get; set; } = [];
}
