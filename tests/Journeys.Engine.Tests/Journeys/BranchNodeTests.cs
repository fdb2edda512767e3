using Journeys.Engine.Conditions;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class BranchNodeTests
{
    [Fact]
    public void A_condition_node_branches_on_traits_and_the_trigger_event()
    {
        var journey = Journey(
            new ConditionNode
            {
                Id = "big-cart",
                Condition = new AndCondition([
                    new FieldCondition("event.properties.total", "gte", Json("100")),
                    new FieldCondition("traits.country", "eq", Json("\"FR\"")),
                ]),
                IfTrue = "vip",
                IfFalse = "done",
            },
            Exit("vip"),
            Exit());

        var big = Start(journey, Profile(traits: new { country = "FR" }), Monday9Utc, new { total = 150 });
        var small = Start(journey, Profile(traits: new { country = "FR" }), Monday9Utc, new { total = 20 });

        Assert.Equal("vip", big.Instance.CurrentNodeId);
        Assert.Equal("done", small.Instance.CurrentNodeId);
        Assert.Equal("true", big.OfType<NodeExited>().First().Outcome);
    }

    [Fact]
    public void A_split_sends_a_profile_to_the_same_branch_every_time()
    {
        var journey = Journey(
            new SplitNode
            {
                Id = "ab",
                Branches = [
                    new SplitBranch { Name = "A", Weight = 50, Next = "a" },
                    new SplitBranch { Name = "B", Weight = 50, Next = "b" },
                ],
            },
            Exit("a"),
            Exit("b"));

        var branches = Enumerable.Range(0, 5)
            .Select(_ => Start(journey, Profile("p-77"), Monday9Utc).Instance.CurrentNodeId)
            .Distinct();

        Assert.Single(branches);
    }

    [Fact]
    public void A_holdout_marks_control_profiles_and_sends_them_to_the_control_exit()
    {
        var journey = Journey(
            new HoldoutNode { Id = "holdout", Percent = 50, Next = "email", ControlNext = "control" },
            Email("email", "done"),
            Exit("control"),
            Exit());

        var results = Enumerable.Range(0, 200).Select(i => Start(journey, Profile($"p-{i}"), Monday9Utc)).ToList();
        var control = results.Where(r => r.Instance.InControlGroup).ToList();

        Assert.InRange(control.Count, 60, 140);
        Assert.All(control, r => Assert.Empty(r.OfType<SendMessage>()));
        Assert.All(control, r => Assert.Equal("control", r.Instance.CurrentNodeId));
        Assert.All(results.Except(control), r => Assert.Single(r.OfType<SendMessage>()));
    }
}
