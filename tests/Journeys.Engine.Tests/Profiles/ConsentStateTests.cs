using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Profiles;
using Journeys.Engine.Tests.Events;

namespace Journeys.Engine.Tests.Profiles;

public sealed class ConsentStateTests
{
    private static readonly DateTimeOffset Now = TestEvents.Now;

    [Fact]
    public void Without_a_record_a_channel_is_not_allowed()
    {
        Assert.False(ConsentState.Empty.Allows(MessageChannel.Sms));
    }

    [Fact]
    public void A_granted_channel_allows_every_topic_not_withdrawn()
    {
        var consent = ConsentState.Empty
            .With(new ConsentChange(MessageChannel.Email, null, true, "signup-form", Now))
            .With(new ConsentChange(null, "promotions", false, "preferences", Now))
            .With(new ConsentChange(MessageChannel.Email, "news", false, "unsubscribe", Now));

        Assert.True(consent.Allows(MessageChannel.Email));
        Assert.True(consent.Allows(MessageChannel.Email, "service"));
        Assert.False(consent.Allows(MessageChannel.Email, "promotions"));
        Assert.False(consent.Allows(MessageChannel.Email, "news"));
        Assert.Equal(new ConsentRecord(true, "signup-form", Now), consent.Channels[MessageChannel.Email]);
    }

    [Fact]
    public void An_older_decision_arriving_late_does_not_override_a_newer_one()
    {
        var consent = ConsentState.Empty
            .With(new ConsentChange(MessageChannel.Push, null, false, "app-settings", Now))
            .With(new ConsentChange(MessageChannel.Push, null, true, "signup-form", Now.AddDays(-1)));

        Assert.False(consent.Allows(MessageChannel.Push));
    }

    [Fact]
    public void Message_unsubscribed_withdraws_the_topic_on_that_channel_with_its_source()
    {
        var profile = new[]
        {
            TestEvents.Track("Consent Updated", new { channel = "email", granted = true, source = "signup-form" }, at: Now.AddDays(-1)),
            TestEvents.Track("Message Unsubscribed", new { deliveryId = "d1", channel = "email", topic = "promotions" }),
        }.Aggregate(CustomerReducer.Create("u1"), (s, e) => CustomerReducer.Apply(s, e, Now));

        Assert.True(profile.Consent.Allows(MessageChannel.Email, "service"));
        Assert.False(profile.Consent.Allows(MessageChannel.Email, "promotions"));
        Assert.Equal(new ConsentRecord(false, "unsubscribe", Now), profile.Consent.Topics["email/promotions"]);
    }
}
