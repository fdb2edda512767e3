namespace Journeys.Storage.GrainState;

/// <summary>
/// Where profile grain state lives, with its due index: PostgreSQL in production
/// (<see cref="BatchedGrainStateStore"/>), memory in the embedded default (<see cref="InMemoryGrainStateStore"/>).
/// </summary>
public interface IGrainStateStore
{
    /// <summary>The stored row, or null when there is none.</summary>
    Task<StoredGrainState?> ReadAsync(GrainStateKey key);

    /// <summary>The new version, or null when the expected version was stale (nothing written).</summary>
    Task<int?> WriteAsync(GrainStateWrite write);

    /// <summary>Deletes the row if it still has the expected version; false when it did not.</summary>
    Task<bool> DeleteAsync(GrainStateKey key, int expectedVersion);

    /// <summary>
    /// Rows of <paramref name="partition"/> due at or before <paramref name="upTo"/>, earliest first,
    /// after <paramref name="after"/> (the last row of the previous page, or null for the first page).
    /// </summary>
    Task<IReadOnlyList<DueGrain>> ReadDueAsync(int partition, DateTimeOffset upTo, DueGrain? after, int limit);
}
