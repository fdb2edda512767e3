using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class GoalPolicyTests
{
    private static readonly JourneyDefinition Journey = TestData.Journey(
        new WaitNode { Id = "wait", Duration = TimeSpan.FromDays(1), Next = "email" },
        Email("email", "done"),
        Exit()) with
    {
        Goal = new GoalDefinition { Event = "Order Completed", Window = TimeSpan.FromDays(7) },
    };

    [Fact]
    public void Reaching_the_goal_exits_at_once_and_cancels_the_pending_wait()
    {
        var started = Start(Journey, Profile(), Monday9Utc);

        var result = Receive(Journey, started.Instance, Profile(), Event("Order Completed", Monday9Utc.AddHours(3)));

        Assert.Single(result.OfType<Converted>());
        Assert.Equal(InstanceStatus.Exited, result.Instance.Status);
        Assert.Equal("goal", result.Instance.ExitReason);
        Assert.Null(result.Instance.NextDueAt);
        Assert.Empty(Timer(Journey, result.Instance, Profile(), Monday9Utc.AddDays(1)).Commands);
    }

    [Fact]
    public void Without_exit_on_goal_the_conversion_is_counted_and_the_journey_goes_on()
    {
        var journey = Journey with { Policies = new JourneyPolicies { ExitOnGoal = false } };
        var started = Start(journey, Profile(), Monday9Utc);

        var result = Receive(journey, started.Instance, Profile(), Event("Order Completed", Monday9Utc.AddHours(3)));

        Assert.Single(result.OfType<Converted>());
        Assert.True(result.Instance.IsLive);
        Assert.Single(Timer(journey, result.Instance, Profile(), Monday9Utc.AddDays(1)).OfType<SendMessage>());
    }

    [Fact]
    public void A_goal_after_its_window_is_not_a_conversion()
    {
        var journey = Journey with { Goal = Journey.Goal! with { Window = TimeSpan.FromHours(1) } };
        var started = Start(journey, Profile(), Monday9Utc);

        Assert.Empty(Receive(journey, started.Instance, Profile(), Event("Order Completed", Monday9Utc.AddHours(2))).Commands);
    }

    [Fact]
    public void A_finished_instance_still_counts_one_conversion_within_the_window()
    {
        var started = Start(Journey, Profile(), Monday9Utc);
        var finished = Timer(Journey, started.Instance, Profile(), Monday9Utc.AddDays(1));
        Assert.False(finished.Instance.CanBeForgotten(Monday9Utc.AddDays(2)));

        var first = Receive(Journey, finished.Instance, Profile(), Event("Order Completed", Monday9Utc.AddDays(2), id: "o-1"));
        var second = Receive(Journey, first.Instance, Profile(), Event("Order Completed", Monday9Utc.AddDays(3), id: "o-2"));

        Assert.Equal("o-1", Assert.Single(first.OfType<Converted>()).EventMessageId);
        Assert.Empty(second.Commands);
        Assert.True(first.Instance.CanBeForgotten(Monday9Utc.AddDays(2)));
    }
}
