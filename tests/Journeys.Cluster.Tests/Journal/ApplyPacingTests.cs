using Journeys.Grains.Journal;
using Journeys.Storage.Journal;
using Microsoft.Extensions.Time.Testing;

namespace Journeys.Cluster.Tests.Journal;

public sealed class ApplyPacingTests
{
    private const int Events = ApplyPacing.PacedBatch;
    private static readonly TimeSpan BatchTook = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 21, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Without_slow_appends_a_reader_that_is_behind_runs_free()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));

        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Null(pacing.Rate);
        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
    }

    [Fact]
    public void A_reader_behind_while_appends_are_slow_reads_small_batches_at_its_first_rate()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        // 2,000 events at 100 a second: 20 s, of which it rests what the batch did not take.
        Assert.Equal(ApplyPacing.FirstRate, pacing.Rate);
        Assert.Equal(ApplyPacing.PacedBatch, pacing.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(20) - BatchTook, pacing.RestLeft);
    }

    [Fact]
    public void Its_rate_halves_after_each_batch_during_which_appends_stayed_slow_down_to_a_floor_and_doubles_after_one_without()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, BatchTook);

        var rates = new List<double?>();
        for (var i = 0; i < 3; i++)
        {
            pacing.AcknowledgementsSlow();
            pacing.FullBatchApplied(Events, BatchTook);
            rates.Add(pacing.Rate);
        }
        for (var i = 0; i < 11; i++)
        {
            pacing.FullBatchApplied(Events, BatchTook);
            rates.Add(pacing.Rate);
        }

        Assert.Equal([50, 25, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400, null, null, null], rates);
        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
    }

    [Fact]
    public void A_rest_lasts_while_appends_stay_slow_and_ends_after_a_quiet_second()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, BatchTook);
        Assert.Equal(TimeSpan.FromMilliseconds(2400), pacing.RestLeft);

        clock.Advance(TimeSpan.FromMilliseconds(900));
        pacing.AcknowledgementsSlow();
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(TimeSpan.FromMilliseconds(600), pacing.RestLeft);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
        Assert.Equal(ApplyPacing.FirstRate, pacing.Rate);
    }

    [Fact]
    public void A_reader_that_caught_up_runs_free()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, BatchTook);

        pacing.CaughtUp();

        Assert.Null(pacing.Rate);
        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);
        Assert.Null(pacing.Rate);
    }

    [Fact]
    public void A_reader_whose_next_event_is_less_than_a_second_old_runs_free()
    {
        var pacing = Behind(TimeSpan.FromMilliseconds(900));

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Null(pacing.Rate);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
    }

    [Fact]
    public void A_reader_whose_next_event_is_older_than_the_limit_runs_free_even_while_appends_are_slow()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, BatchTook);
        Assert.NotNull(pacing.Rate);

        pacing.Delivered(clock.GetUtcNow() - TimeSpan.FromSeconds(31));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, BatchTook);

        Assert.Null(pacing.Rate);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
    }

    [Fact]
    public void A_reader_that_has_delivered_nothing_yet_runs_free()
    {
        var pacing = new ApplyPacing(new JournalOptions(), clock);

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Null(pacing.Rate);
    }

    [Fact]
    public void A_zero_limit_turns_giving_way_off()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5), new JournalOptions { YieldToIngestionUpTo = TimeSpan.Zero });

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Null(pacing.Rate);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
    }

    /// <summary>A reader whose last delivered event the gateway received <paramref name="by"/> ago.</summary>
    private ApplyPacing Behind(TimeSpan by, JournalOptions? options = null)
    {
        var pacing = new ApplyPacing(options ?? new JournalOptions(), clock);
        pacing.Delivered(clock.GetUtcNow() - by);
        return pacing;
    }
}
