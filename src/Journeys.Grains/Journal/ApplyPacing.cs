using Journeys.Storage.Journal;

namespace Journeys.Grains.Journal;

/// <summary>
/// How fast a partition reader applies. Acknowledgements come first: on a machine too small to acknowledge a
/// burst and apply it at once, applying at full speed only makes every acknowledgement slower while the backlog
/// grows anyway. So while a gateway reports appends over their target and the reader is behind, it reads small
/// batches and rests after each: it starts at a quarter of the speed it just applied at, halves its rate after
/// each batch during which appends stayed slow, doubles it after one during which they did not, and takes its
/// full speed back once no append has been slow for a while. The events wait in the journal, which is what it is
/// for. A reader whose next event is less than a second old never rests (a real-time event goes straight
/// through), and neither does one whose next event is older than <see cref="JournalOptions.YieldToIngestionUpTo"/>
/// (a sustained overload must not stall journeys).
/// </summary>
public sealed class ApplyPacing(JournalOptions options, TimeProvider clock)
{
    public const int FullBatch = 2000;
    public const int YieldingBatch = 250;
    /// <summary>Events per second a reader giving way still applies.</summary>
    public const double LeastRate = 25;
    private static readonly TimeSpan RealTime = TimeSpan.FromSeconds(1);
    // Long enough that a reader does not take its full speed back between two slow appends of one burst.
    private static readonly TimeSpan SlowNoticeHolds = TimeSpan.FromSeconds(2);

    private long slowUntil = long.MinValue;
    private bool slowSinceLastBatch;
    private double? rate;
    private long restUntil = long.MinValue;
    // Not known before the first delivery: as if older than any limit, so the reader starts at full speed.
    private DateTimeOffset lastDeliveredReceivedAt = DateTimeOffset.MinValue;

    /// <summary>Rows to read next; a read that returns this many means the reader is behind.</summary>
    public int BatchSize => Yielding ? YieldingBatch : FullBatch;

    /// <summary>How much longer to rest before the next batch; nothing once appends are no longer slow.</summary>
    public TimeSpan RestLeft => Yielding && clock.GetTimestamp() < restUntil ? clock.GetElapsedTime(clock.GetTimestamp(), restUntil) : TimeSpan.Zero;

    /// <summary>Events per second the reader is held to, while it gives way.</summary>
    public double? Rate => rate;

    /// <summary>A gateway's append took longer than <see cref="JournalOptions.AcknowledgementTarget"/>.</summary>
    public void AcknowledgementsSlow()
    {
        slowUntil = clock.GetTimestamp() + Ticks(SlowNoticeHolds);
        slowSinceLastBatch = true;
    }

    /// <summary>The reader delivered up to an event the gateway received at <paramref name="receivedAt"/>.</summary>
    public void Delivered(DateTimeOffset receivedAt) => lastDeliveredReceivedAt = receivedAt;

    /// <summary>A full batch of <paramref name="events"/> took <paramref name="took"/> to apply: sets the rest after it.</summary>
    public void FullBatchApplied(int events, TimeSpan took)
    {
        if (!Yielding)
        {
            rate = null;
            return;
        }
        var seconds = Math.Max(took.TotalSeconds, 0.001);
        rate = Math.Max(LeastRate, rate switch
        {
            null => events / seconds / 4,
            { } held => slowSinceLastBatch ? held / 2 : held * 2,
        });
        slowSinceLastBatch = false;
        restUntil = clock.GetTimestamp() + Ticks(TimeSpan.FromSeconds(Math.Max(0, events / rate.Value - seconds)));
    }

    private bool Yielding
    {
        get
        {
            if (options.YieldToIngestionUpTo <= TimeSpan.Zero || clock.GetTimestamp() >= slowUntil)
            {
                return false;
            }
            var behind = clock.GetUtcNow() - lastDeliveredReceivedAt;
            return behind >= RealTime && behind < options.YieldToIngestionUpTo;
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);
}
