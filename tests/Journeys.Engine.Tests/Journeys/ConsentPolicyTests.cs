using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class ConsentPolicyTests
{
    private static readonly JourneyDefinition Journey = TestData.Journey(Email("email", "done", topic: "cart"), Exit());

    [Fact]
    public void Without_consent_for_the_channel_the_message_is_suppressed_and_recorded()
    {
        var result = Start(Journey, Profile() with { Consents = [new ConsentGrant(Channel.Sms)] }, Monday9Utc);

        Assert.Empty(result.OfType<SendMessage>());
        Assert.Equal("noConsent:email:cart", Assert.Single(result.OfType<Suppressed>()).Reason);
        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
    }

    [Fact]
    public void Consent_to_another_topic_is_not_consent_to_this_one()
    {
        var result = Start(Journey, Profile() with { Consents = [new ConsentGrant(Channel.Email, "news")] }, Monday9Utc);

        Assert.Single(result.OfType<Suppressed>());
    }

    [Fact]
    public void Consent_to_the_topic_or_to_the_whole_channel_allows_the_send()
    {
        Assert.Single(Start(Journey, Profile() with { Consents = [new ConsentGrant(Channel.Email, "cart")] }, Monday9Utc).OfType<SendMessage>());
        Assert.Single(Start(Journey, Profile() with { Consents = [new ConsentGrant(Channel.Email)] }, Monday9Utc).OfType<SendMessage>());
    }
}
