namespace Journeys.Contracts.Journal;

/// <summary>An event read from the journal, as delivered to its profile grain.</summary>
[GenerateSerializer, Immutable, Alias("journeys.journal-event")]
public sealed record JournalEvent(
    [property: Id(0)] long Position,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string Type,
    [property: Id(3)] string? Event,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string Payload);
