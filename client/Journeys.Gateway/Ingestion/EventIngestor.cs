using Journeys.Contracts.Journal;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
using Journeys.Storage.Journal;
using Journeys.Storage.Outbox;

namespace Journeys.Gateway.Ingestion;

/// <summary>
/// Commits validated events to the journal, stamps message engagement (opens, clicks, unsubscribes, hard bounces)
/// on the outbox rows it answers, then wakes the partition readers that received the events. The
/// caller acknowledges only after this returns, so a failed stamp is retried with the request. A commit slower than
/// <see cref="JournalOptions.AcknowledgementTarget"/> tells the readers so: those that are behind give way.
/// </summary>
public sealed class EventIngestor(IEventJournal journal, IOutboxStore outbox, IClusterClient cluster, JournalOptions options, TimeProvider clock, ILogger<EventIngestor> logger)
{
    // Made once: Orleans resolves a grain interface's type by reflection on every GetGrain (2-3% of the gateway's CPU).
    private readonly IJournalPartitionGrain[] readers = [.. Enumerable.Range(0, journal.Partitions).Select(p => cluster.GetGrain<IJournalPartitionGrain>(p))];

    public async Task<JournalAppendResult> IngestAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var result = await journal.AppendAsync(entries, cancellationToken);
        var slow = clock.GetElapsedTime(started) > options.AcknowledgementTarget;
        // Duplicates too: a resend after a stamp failed must still stamp (stamps are idempotent).
        await outbox.RecordEngagementAsync([.. entries.Select(Engagement).OfType<OutboxEngagement>()], clock.GetUtcNow(), cancellationToken);
        foreach (var partition in result.Stored.Select(r => r.Partition).Distinct())
        {
            // The answer does not wait for delivery: the events are durable, and without a silo the
            // reader's poll or reminder picks them up later.
            _ = NotifyAsync(partition, slow);
        }
        return result;
    }

    private static OutboxEngagement? Engagement(JournalEntry entry)
    {
        var kind = entry.Event switch
        {
            EventNames.MessageOpened => OutboxEngagement.Opened,
            EventNames.MessageClicked => OutboxEngagement.Clicked,
            EventNames.MessageUnsubscribed => OutboxEngagement.Unsubscribed,
            EventNames.MessageBounced => OutboxEngagement.Bounced,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }
        return EnvelopeJson.Deserialize(entry.Payload)?.Typed switch
        {
            MessageEngagement engagement => new OutboxEngagement(engagement.DeliveryId, kind),
            // A soft bounce is retried by the sender and may still arrive.
            MessageBounced { BounceType: BounceType.Hard, DeliveryId: { } deliveryId } => new OutboxEngagement(deliveryId, kind),
            _ => null,
        };
    }

    private async Task NotifyAsync(int partition, bool acknowledgementsSlow)
    {
        try
        {
            await readers[partition].NotifyAsync(acknowledgementsSlow);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Journal partition {Partition} not notified: {Reason}", partition, ex.Message);
        }
    }
}
