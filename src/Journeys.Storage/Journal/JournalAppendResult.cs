namespace Journeys.Storage.Journal;

/// <summary>
/// What committing a request's events produced: positions of newly stored events by partition,
/// and how many were already in the journal (resends, acknowledged again but not stored twice).
/// </summary>
public sealed record JournalAppendResult(IReadOnlyList<JournalRecord> Stored, int Duplicates);
