using Journeys.Grains.Journal;
using Journeys.Storage.Journal;
using Microsoft.Extensions.Time.Testing;

namespace Journeys.Cluster.Tests.Journal;

public sealed class ApplyPacingTests
{
    private const int Events = ApplyPacing.YieldingBatch;
    // 2,500 events/s: a quarter of it is 625/s, a batch of 250 every 0.4 s.
    private static readonly TimeSpan BatchTook = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 21, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Without_slow_acknowledgements_a_reader_that_is_behind_reads_full_batches_without_resting()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));

        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
        Assert.Null(pacing.Rate);
    }

    [Fact]
    public void A_reader_behind_while_acknowledgements_are_slow_reads_small_batches_at_a_quarter_of_its_speed()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));

        pacing.AcknowledgementsSlow();
        Assert.Equal(ApplyPacing.YieldingBatch, pacing.BatchSize);
        pacing.FullBatchApplied(Events, BatchTook);

        Assert.Equal(625, pacing.Rate);
        Assert.Equal(TimeSpan.FromMilliseconds(300), pacing.RestLeft);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.FromMilliseconds(100), pacing.RestLeft);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
    }

    [Fact]
    public void Its_rate_halves_after_each_batch_during_which_appends_stayed_slow_down_to_a_floor_and_doubles_after_one_without()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, BatchTook);

        var rates = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            pacing.AcknowledgementsSlow();
            pacing.FullBatchApplied(Events, BatchTook);
            rates.Add(pacing.Rate!.Value);
        }
        pacing.FullBatchApplied(Events, BatchTook);
        rates.Add(pacing.Rate!.Value);

        Assert.Equal([312.5, 156.25, 78.125, 39.0625, ApplyPacing.LeastRate, ApplyPacing.LeastRate, 2 * ApplyPacing.LeastRate], rates);
        Assert.Equal(TimeSpan.FromSeconds(Events / (2 * ApplyPacing.LeastRate)) - BatchTook, pacing.RestLeft);
    }

    [Fact]
    public void A_rest_ends_and_the_reader_takes_its_full_speed_back_two_seconds_after_the_last_slow_append()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5));
        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(Events, TimeSpan.FromMilliseconds(10));
        for (var i = 0; i < 10; i++)
        {
            pacing.AcknowledgementsSlow();
            pacing.FullBatchApplied(Events, TimeSpan.FromMilliseconds(10));
        }
        Assert.Equal(ApplyPacing.LeastRate, pacing.Rate);
        Assert.True(pacing.RestLeft > TimeSpan.FromSeconds(9));

        clock.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.Equal(ApplyPacing.YieldingBatch, pacing.BatchSize);
        Assert.True(pacing.RestLeft > TimeSpan.Zero);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);
        Assert.Null(pacing.Rate);
    }

    [Fact]
    public void A_reader_whose_next_event_is_less_than_a_second_old_never_rests()
    {
        var pacing = Behind(TimeSpan.FromMilliseconds(900));

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);
    }

    [Fact]
    public void A_reader_whose_next_event_is_older_than_the_limit_applies_at_full_speed_even_while_acknowledgements_are_slow()
    {
        var pacing = Behind(TimeSpan.FromSeconds(31));

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
        Assert.Equal(TimeSpan.Zero, pacing.RestLeft);

        pacing.Delivered(clock.GetUtcNow() - TimeSpan.FromSeconds(29));
        Assert.Equal(ApplyPacing.YieldingBatch, pacing.BatchSize);
    }

    [Fact]
    public void A_reader_that_has_delivered_nothing_yet_starts_at_full_speed()
    {
        var pacing = new ApplyPacing(new JournalOptions(), clock);

        pacing.AcknowledgementsSlow();

        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
    }

    [Fact]
    public void A_zero_limit_turns_giving_way_off()
    {
        var pacing = Behind(TimeSpan.FromSeconds(5), new JournalOptions { YieldToIngestionUpTo = TimeSpan.Zero });

        pacing.AcknowledgementsSlow();
        pacing.FullBatchApplied(ApplyPacing.FullBatch, BatchTook);

        Assert.Equal(ApplyPacing.FullBatch, pacing.BatchSize);
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
