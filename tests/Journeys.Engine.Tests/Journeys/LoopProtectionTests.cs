using Journeys.Engine.Conditions;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class LoopProtectionTests
{
    [Fact]
    public void A_cycle_without_a_wait_is_stopped_after_the_node_limit()
    {
        var journey = Journey(
            new ConditionNode { Id = "a", Condition = new AndCondition([]), IfTrue = "b", IfFalse = "b" },
            new AwardPointsNode { Id = "b", Points = 1, Next = "a" });

        var result = Start(journey, Profile(), Monday9Utc);

        Assert.Equal(InstanceStatus.Exited, result.Instance.Status);
        Assert.Equal("loopLimit", result.Instance.ExitReason);
        Assert.Equal(JourneyInterpreter.MaxNodesPerStep / 2, result.OfType<AwardPoints>().Count());
    }

    [Fact]
    public void A_cycle_through_a_wait_runs_one_lap_per_step_with_distinct_dedupe_keys()
    {
        var journey = Journey(
            Email("email", "wait"),
            new WaitNode { Id = "wait", Duration = TimeSpan.FromDays(1), Next = "email" });

        var first = Start(journey, Profile(), Monday9Utc);
        var second = Timer(journey, first.Instance, Profile(), Monday9Utc.AddDays(1));

        Assert.NotEqual(
            Assert.Single(first.OfType<SendMessage>()).DedupeKey,
            Assert.Single(second.OfType<SendMessage>()).DedupeKey);
    }
}
