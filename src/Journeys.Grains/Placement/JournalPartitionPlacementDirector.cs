using Journeys.Storage.Journal;
using Orleans.Runtime.Placement;

namespace Journeys.Grains.Placement;

/// <summary>
/// Partition <c>p</c> lives on the <c>p mod n</c>-th of the <c>n</c> compatible silos in address order:
/// the same answer on every silo with the same membership view, and an even spread of the partitions.
/// A membership change moves the readers (<see cref="Journal.JournalPartitionGrain"/> migrates itself);
/// profiles already active stay where they are until they deactivate, which costs only locality.
/// </summary>
public sealed class JournalPartitionPlacementDirector(JournalOptions journal) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var silo = IPlacementDirector.GetPlacementHint(target.RequestContextData, silos)
            ?? SiloFor(PartitionOf(target.GrainIdentity), silos);
        return Task.FromResult(silo);
    }

    public static SiloAddress SiloFor(int partition, IReadOnlyCollection<SiloAddress> silos) =>
        silos.Order().ElementAt(partition % silos.Count);

    // Profile grain types are named after their kind, as the journal and the due index name them.
    private int PartitionOf(GrainId grain) => grain.Type == Readers
        ? (int)grain.GetIntegerKey()
        : JournalPartitioner.PartitionOf(grain.Type.ToString()!, grain.Key.ToString()!, journal.Partitions);

    private static readonly GrainType Readers = GrainType.Create(Journal.JournalPartitionGrain.GrainTypeName);
}
