using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Journeys;
using Journeys.Engine.Profiles;
using Journeys.Engine.Running;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

/// <summary>A hard bounce stops a channel's messages for as long as the profile holds the address that bounced.</summary>
public sealed class BounceTests
{
    private static readonly DateTimeOffset Now = TestEvents.Now;

    private static CustomerProfile Profile(params EventEnvelope[] events) =>
        events.Aggregate(CustomerReducer.Create("u1"), (s, e) => CustomerReducer.Apply(s, e, Now));

    private static EventEnvelope Reachable() =>
        TestEvents.Identify("u1", new { email = "ann@old.example", phone = "+33612345678" }, at: Now.AddDays(-2));

    private static EventEnvelope Consents() =>
        TestEvents.Track("Consent Updated", new { channel = "email", granted = true }, at: Now.AddDays(-2));

    private static EventEnvelope SmsConsent() =>
        TestEvents.Track("Consent Updated", new { channel = "sms", granted = true }, at: Now.AddDays(-2));

    private static EventEnvelope Bounce(string address, string? bounceType = null, DateTimeOffset? at = null) =>
        TestEvents.Track("Message Bounced", bounceType is null
            ? new { deliveryId = "d1", channel = "email", address, reason = "550 5.1.1 user unknown" }
            : (object)new { deliveryId = "d1", channel = "email", address, reason = "452 mailbox full", bounceType }, at: at ?? Now.AddDays(-1));

    private static string? SendTimeVerdict(CustomerProfile profile, Channel channel) =>
        SendTimeCheck.Evaluate(ProfileViews.For(profile, ProfileViews.ConditionInputs(profile), [], [], []), new JourneyPolicies(), channel, null, [], Now).SuppressedReason;

    [Fact]
    public void A_hard_bounce_of_the_profiles_address_suppresses_that_channel_only()
    {
        var profile = Profile(Reachable(), Consents(), SmsConsent(), Bounce("Ann@Old.example"));

        Assert.Equal(new BounceRecord("Ann@Old.example", "550 5.1.1 user unknown", Now.AddDays(-1)), profile.Bounces[MessageChannel.Email]);
        Assert.Equal([MessageChannel.Email], profile.Undeliverable());
        Assert.Equal("undeliverable:email", SendTimeVerdict(profile, Channel.Email));
        Assert.Null(SendTimeVerdict(profile, Channel.Sms));
    }

    [Fact]
    public void A_new_address_makes_the_channel_reachable_again()
    {
        var profile = Profile(Reachable(), Consents(), Bounce("ann@old.example"), TestEvents.Identify("u1", new { email = "ann@new.example" }));

        Assert.Empty(profile.Undeliverable());
        Assert.Null(SendTimeVerdict(profile, Channel.Email));
    }

    [Fact]
    public void A_bounce_of_an_address_the_profile_no_longer_holds_blocks_nothing()
    {
        var profile = Profile(Reachable(), Consents(), Bounce("someone@else.example"));

        Assert.Empty(profile.Undeliverable());
    }

    [Fact]
    public void A_soft_bounce_is_an_event_only()
    {
        var profile = Profile(Reachable(), Consents(), Bounce("ann@old.example", bounceType: "soft"));

        Assert.Empty(profile.Bounces);
        Assert.Equal("Message Bounced", profile.RecentEvents[^1].Name);
        Assert.Null(SendTimeVerdict(profile, Channel.Email));
    }

    [Fact]
    public void An_older_bounce_arriving_late_does_not_replace_a_newer_one()
    {
        var profile = Profile(Reachable(), Bounce("ann@old.example", at: Now.AddHours(-1)), Bounce("ann@older.example", at: Now.AddDays(-9)));

        Assert.Equal("ann@old.example", profile.Bounces[MessageChannel.Email].Address);
    }

    [Fact]
    public void A_journey_step_to_a_bounced_address_is_suppressed_with_the_reason()
    {
        var profile = Profile(Reachable(), Consents(), Bounce("ann@old.example"));
        var view = ProfileViews.For(profile, ProfileViews.ConditionInputs(profile), [], [], []);

        Assert.Equal("undeliverable:email", view.Unreachable(Channel.Email, "offers"));
        Assert.Null(view.Unreachable(Channel.Webhook, null));
    }

    [Fact]
    public void Merging_keeps_the_anonymous_profiles_bounce_and_erasing_removes_every_address()
    {
        var anonymous = new[] { Bounce("ann@old.example") }.Aggregate(CustomerReducer.Create("anon-1"), (s, e) => CustomerReducer.Apply(s, e, Now));
        var merged = CustomerReducer.Merge(Profile(Reachable(), Consents()), anonymous, Now);

        Assert.Equal([MessageChannel.Email], merged.Undeliverable());
        Assert.Empty(CustomerReducer.Erase(merged, Now, "GDPR request").Bounces);
    }
}
