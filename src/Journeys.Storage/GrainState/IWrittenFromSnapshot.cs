namespace Journeys.Storage.GrainState;

/// <summary>
/// State its grain goes on changing while a write of it runs. Orleans queues a grain's storage operations,
/// so the provider may run after the grain's turn has ended: the grain takes what is to be written in the turn
/// that asks for the write, and the provider writes that, not the state as it is by then.
/// </summary>
public interface IWrittenFromSnapshot
{
    /// <summary>Set by the grain before it asks for a write; null when the provider is to serialize the state itself.</summary>
    StateSnapshot? Snapshot { get; }
}

/// <summary>The serialized state and its due time (<see cref="IDueIndexed"/>) at the moment the grain asked for the write.</summary>
public sealed record StateSnapshot(byte[] Payload, DateTimeOffset? DueAt);
