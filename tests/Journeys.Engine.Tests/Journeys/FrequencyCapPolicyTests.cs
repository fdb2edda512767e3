using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class FrequencyCapPolicyTests
{
    private static JourneyDefinition Capped(CapAction action) => Journey(Email("first", "second"), Email("second", "done"), Exit()) with
    {
        Policies = new JourneyPolicies
        {
            FrequencyCaps = [new FrequencyCap { Channel = Channel.Email, Max = 2, Period = TimeSpan.FromDays(1), OnExceeded = action }],
        },
    };

    [Fact]
    public void Sends_of_other_journeys_count_towards_the_cap()
    {
        var profile = Profile() with { RecentSends = [new SentMessage(Channel.Email, Monday9Utc.AddHours(-3))] };

        var result = Start(Capped(CapAction.Suppress), profile, Monday9Utc);

        Assert.Single(result.OfType<SendMessage>());
        Assert.Equal("frequencyCap", Assert.Single(result.OfType<Suppressed>()).Reason);
    }

    [Fact]
    public void Sends_older_than_the_period_do_not_count()
    {
        var profile = Profile() with { RecentSends = [new SentMessage(Channel.Email, Monday9Utc.AddDays(-2))] };

        Assert.Equal(2, Start(Capped(CapAction.Suppress), profile, Monday9Utc).OfType<SendMessage>().Count());
    }

    [Fact]
    public void A_deferring_cap_waits_until_a_slot_frees_up()
    {
        var oldest = Monday9Utc.AddHours(-20);
        var profile = Profile() with { RecentSends = [new SentMessage(Channel.Email, oldest), new SentMessage(Channel.Email, Monday9Utc.AddHours(-1))] };

        var result = Start(Capped(CapAction.Defer), profile, Monday9Utc);

        Assert.Empty(result.OfType<SendMessage>());
        Assert.Equal(oldest.AddDays(1), result.Instance.NextDueAt);
    }

    [Fact]
    public void Caps_on_one_channel_leave_other_channels_alone()
    {
        var profile = Profile() with { RecentSends = [.. Enumerable.Repeat(new SentMessage(Channel.Sms, Monday9Utc.AddHours(-1)), 5)] };

        Assert.Equal(2, Start(Capped(CapAction.Suppress), profile, Monday9Utc).OfType<SendMessage>().Count());
    }
}
