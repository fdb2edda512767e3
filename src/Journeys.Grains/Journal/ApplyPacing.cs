using Journeys.Storage.Journal;

namespace Journeys.Grains.Journal;

/// <summary>
/// How fast a partition reader applies. Acknowledgements come first: on a machine too small to acknowledge a
/// burst and apply it at once, applying at full speed only makes every acknowledgement slower while the backlog
/// grows anyway. So when appends were slow while the reader was behind, it holds itself to a rate, reading small
/// batches and resting after each: <see cref="FirstRate"/> events per second to start with, half as many after
/// each batch during which appends stayed slow (never less than <see cref="LeastRate"/>), twice as many after
/// one during which they did not, until past <see cref="MostRate"/> it runs free again. A rest ends early once
/// no append has been slow for a second. The events wait in the journal, which is what it is for. A reader whose
/// next event is less than a second old runs free (a real-time event goes straight through), and so does one
/// whose next event is older than <see cref="JournalOptions.YieldToIngestionUpTo"/>: a sustained overload must
/// not stall journeys.
/// </summary>
public sealed class ApplyPacing(JournalOptions options, TimeProvider clock)
{
    public const int FullBatch = 2000;
    public const int PacedBatch = 250;
    public const double FirstRate = 100;
    public const double LeastRate = 25;
    public const double MostRate = 10_000;
    private static readonly TimeSpan RealTime = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private double? rate;
    private bool slowSinceLastBatch;
    private long lastSlowAt = long.MinValue;
    private long restUntil = long.MinValue;
    // Not known before the first delivery: as if older than any limit, so the reader starts free.
    private DateTimeOffset lastDeliveredReceivedAt = DateTimeOffset.MinValue;

    /// <summary>Events per second the reader holds itself to; null: it runs free.</summary>
    public double? Rate => rate;

    /// <summary>Rows to read next; a read that returns this many means the reader is behind.</summary>
    public int BatchSize => rate is null ? FullBatch : PacedBatch;

    /// <summary>How much longer to rest before the next batch.</summary>
    public TimeSpan RestLeft
    {
        get
        {
            var now = clock.GetTimestamp();
            return rate is not null && now < restUntil && clock.GetElapsedTime(lastSlowAt, now) < Quiet
                ? clock.GetElapsedTime(now, restUntil)
                : TimeSpan.Zero;
        }
    }

    /// <summary>A gateway's append took longer than <see cref="JournalOptions.AcknowledgementTarget"/>.</summary>
    public void AcknowledgementsSlow()
    {
        lastSlowAt = clock.GetTimestamp();
        slowSinceLastBatch = true;
    }

    /// <summary>The reader delivered up to an event the gateway received at <paramref name="receivedAt"/>.</summary>
    public void Delivered(DateTimeOffset receivedAt) => lastDeliveredReceivedAt = receivedAt;

    /// <summary>The reader delivered everything committed: whatever comes next is real time.</summary>
    public void CaughtUp()
    {
        rate = null;
        slowSinceLastBatch = false;
    }

    /// <summary>A full batch of <paramref name="events"/> took <paramref name="took"/> to apply: sets the rest after it.</summary>
    public void FullBatchApplied(int events, TimeSpan took)
    {
        var slow = slowSinceLastBatch;
        slowSinceLastBatch = false;
        var behind = clock.GetUtcNow() - lastDeliveredReceivedAt;
        if (options.YieldToIngestionUpTo <= TimeSpan.Zero || behind < RealTime || behind >= options.YieldToIngestionUpTo)
        {
            rate = null;
            return;
        }
        rate = rate switch
        {
            null when slow => FirstRate,
            null => null,
            { } held when slow => Math.Max(LeastRate, held / 2),
            { } held => held * 2 > MostRate ? null : held * 2,
        };
        if (rate is { } paced)
        {
            var rest = Math.Max(0, events / paced - took.TotalSeconds);
            restUntil = clock.GetTimestamp() + (long)(rest * clock.TimestampFrequency);
        }
    }
}
