using Journeys.Engine.Events;
using Journeys.Storage.Journal;

namespace Journeys.Gateway.Ingestion;

public static class JournalEntries
{
    public static IReadOnlyList<JournalEntry> From(IReadOnlyList<EventEnvelope> events) =>
        events.Select(e => new JournalEntry(
            e.MessageId,
            Wire.Name(e.ProfileKind),
            e.ProfileId,
            Wire.Name(e.Type),
            e.Event ?? e.Name,
            e.Timestamp,
            e.ReceivedAt,
            EnvelopeJson.Serialize(e))).ToList();
}
