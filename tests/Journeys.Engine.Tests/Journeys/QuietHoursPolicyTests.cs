using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class QuietHoursPolicyTests
{
    private static readonly JourneyDefinition Journey = TestData.Journey(Email("email", "done"), Exit()) with
    {
        Policies = new JourneyPolicies { QuietHours = new QuietHours { Start = new TimeOnly(21, 0), End = new TimeOnly(8, 0) } },
    };

    [Fact]
    public void A_message_during_quiet_hours_is_deferred_to_their_end_in_the_profiles_zone()
    {
        var parisNight = new DateTimeOffset(2025, 6, 2, 23, 30, 0, TimeSpan.FromHours(2));

        var result = Start(Journey, Profile(timeZone: "Europe/Paris"), parisNight);

        Assert.Empty(result.OfType<SendMessage>());
        var morning = new DateTimeOffset(2025, 6, 3, 8, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(morning, Assert.Single(result.OfType<Deferred>()).Until);
        Assert.Equal(morning, result.Instance.NextDueAt);
    }

    [Fact]
    public void The_deferred_message_is_sent_when_quiet_hours_end_with_the_same_dedupe_key_and_no_second_entry()
    {
        var parisNight = new DateTimeOffset(2025, 6, 2, 23, 30, 0, TimeSpan.FromHours(2));
        var deferred = Start(Journey, Profile(timeZone: "Europe/Paris"), parisNight);

        var sent = Timer(Journey, deferred.Instance, Profile(timeZone: "Europe/Paris"), deferred.Instance.NextDueAt!.Value);

        Assert.Equal("profile-1/test-journey/v1/instance-1/email/1", Assert.Single(sent.OfType<SendMessage>()).DedupeKey);
        Assert.DoesNotContain(sent.OfType<NodeEntered>(), entered => entered.NodeId == "email");
    }

    [Fact]
    public void The_same_instant_is_not_quiet_for_a_profile_in_another_zone()
    {
        var parisNight = new DateTimeOffset(2025, 6, 2, 23, 30, 0, TimeSpan.FromHours(2));

        Assert.Single(Start(Journey, Profile(timeZone: "America/New_York"), parisNight).OfType<SendMessage>());
    }

    [Fact]
    public void Popups_are_not_held_by_quiet_hours()
    {
        var journey = Journey with
        {
            Nodes = [new PopupNode { Id = "popup", Template = new MessageTemplate { Body = "Hi" }, Next = "done" }, Exit()],
            Trigger = new EventTrigger { Event = "Start", Next = "popup" },
        };

        Assert.Single(Start(journey, Profile(), new DateTimeOffset(2025, 6, 2, 23, 0, 0, TimeSpan.Zero)).OfType<ShowPopup>());
    }
}
