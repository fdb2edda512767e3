namespace Journeys.Grains.Placement;

/// <summary>
/// Places a journal partition's reader and the profiles of that partition on the same silo, so the
/// reader's deliveries (the hot path: every event) are calls within one process, not messages between
/// two. Without it readers went wherever their first caller was and profiles wherever theirs was, and
/// about half of all deliveries crossed processes (docs/benchmarks.md, popups).
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class JournalPartitionPlacement : PlacementStrategy
{
    public static JournalPartitionPlacement Singleton { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class JournalPartitionPlacementAttribute() : PlacementAttribute(JournalPartitionPlacement.Singleton);
