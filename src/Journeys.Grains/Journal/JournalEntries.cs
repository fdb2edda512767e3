using Journeys.Engine.Events;
using Journeys.Engine.Profiles;
using Journeys.Storage.Journal;

namespace Journeys.Grains.Journal;

public static class JournalEntries
{
    /// <summary>
    /// One entry per profile an event reaches: a booking also goes to each passenger, the cashier and
    /// the corporate, under derived message ids, in the same commit as the booking itself.
    /// </summary>
    public static IReadOnlyList<JournalEntry> From(IReadOnlyList<EventEnvelope> events) =>
        events.SelectMany(BookingFanOut.FanOut).Select(t => t.Event).Select(e => new JournalEntry(
            e.MessageId,
            Wire.Name(e.ProfileKind),
            e.ProfileId,
            Wire.Name(e.Type),
            e.Event ?? e.Name,
            e.Timestamp,
            e.ReceivedAt,
            EnvelopeJson.Serialize(e))).ToList();
}
