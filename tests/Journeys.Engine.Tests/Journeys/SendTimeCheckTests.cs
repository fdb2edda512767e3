using Journeys.Engine.Journeys;

namespace Journeys.Engine.Tests.Journeys;

public sealed class SendTimeCheckTests
{
    private static readonly DateTimeOffset Now = TestData.Monday9Utc;
    private static readonly JourneyPolicies NoPolicies = new();

    [Fact]
    public void A_consenting_profile_outside_quiet_hours_and_caps_is_sent_to()
    {
        var decision = SendTimeCheck.Evaluate(TestData.Profile(), NoPolicies, Channel.Email, "offers", [], Now);

        Assert.True(decision.MaySend);
    }

    [Fact]
    public void Consent_withdrawn_for_the_topic_suppresses_with_channel_and_topic_in_the_reason()
    {
        var profile = TestData.Profile() with { Consents = [new ConsentGrant(Channel.Email, "trips")] };

        var decision = SendTimeCheck.Evaluate(profile, NoPolicies, Channel.Email, "offers", [], Now);

        Assert.Equal("noConsent:email:offers", decision.SuppressedReason);
    }

    [Fact]
    public void Quiet_hours_in_the_profile_time_zone_defer_to_their_end()
    {
        // 09:00 UTC is 12:00 in Moscow, inside 11:00-13:00 quiet hours there.
        var profile = TestData.Profile(timeZone: "Europe/Moscow");
        var policies = new JourneyPolicies { QuietHours = new QuietHours { Start = new TimeOnly(11, 0), End = new TimeOnly(13, 0) } };

        var decision = SendTimeCheck.Evaluate(profile, policies, Channel.Sms, "offers", [], Now);

        Assert.Equal((Now.AddHours(1), "quietHours"), (decision.DeferredUntil, decision.DeferredReason));
    }

    [Fact]
    public void Quiet_hours_leave_channels_they_do_not_name_alone()
    {
        var profile = TestData.Profile(timeZone: "Europe/Moscow") with { Consents = [new ConsentGrant(Channel.Webhook)] };
        var policies = new JourneyPolicies { QuietHours = new QuietHours { Start = new TimeOnly(11, 0), End = new TimeOnly(13, 0) } };

        Assert.True(SendTimeCheck.Evaluate(profile, policies, Channel.Webhook, null, [], Now).MaySend);
    }

    [Fact]
    public void A_cap_filled_by_other_sends_in_its_period_suppresses_and_older_sends_do_not_count()
    {
        var policies = new JourneyPolicies { FrequencyCaps = [new FrequencyCap { Channel = Channel.Email, Max = 2, Period = TimeSpan.FromDays(1) }] };
        SentMessage[] recent = [new(Channel.Email, Now.AddHours(-2)), new(Channel.Email, Now.AddHours(-3)), new(Channel.Sms, Now.AddHours(-1))];
        SentMessage[] old = [new(Channel.Email, Now.AddDays(-2)), new(Channel.Email, Now.AddHours(-3)), new(Channel.Sms, Now.AddHours(-1))];

        Assert.Equal("frequencyCap", SendTimeCheck.Evaluate(TestData.Profile(), policies, Channel.Email, "offers", recent, Now).SuppressedReason);
        Assert.True(SendTimeCheck.Evaluate(TestData.Profile(), policies, Channel.Email, "offers", old, Now).MaySend);
    }
}
