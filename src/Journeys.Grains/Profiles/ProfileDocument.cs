namespace Journeys.Grains.Profiles;

/// <summary>
/// What a profile grain stores. The engine's profile is kept as JSON so the engine's model can
/// evolve without Orleans serializer attributes; the bookkeeping that makes delivery exactly-once
/// is typed here.
/// </summary>
[GenerateSerializer, Alias("journeys.profile-document")]
public sealed class ProfileDocument
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
}
