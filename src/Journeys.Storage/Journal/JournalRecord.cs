namespace Journeys.Storage.Journal;

/// <summary>An event as committed in the journal, with its position.</summary>
public sealed record JournalRecord(
    long Position,
    int Partition,
    string MessageId,
    string ProfileKind,
    string ProfileId,
    string Type,
    string? Event,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string Payload);
