namespace Journeys.Storage.Journal;

/// <summary>One validated event on its way into the journal.</summary>
public sealed record JournalEntry(
    string MessageId,
    string ProfileKind,
    string ProfileId,
    string Type,
    string? Event,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    string Payload);
