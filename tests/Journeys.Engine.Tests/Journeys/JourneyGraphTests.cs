using Journeys.Engine.Journeys;

namespace Journeys.Engine.Tests.Journeys;

public sealed class JourneyGraphTests
{
    private static readonly JourneyDefinition Cart = SampleJourneys.Load("toll-abandoned-cart");
    private static readonly IReadOnlyList<JourneyEdge> Edges = JourneyGraph.Edges(Cart);

    [Fact]
    public void Every_exit_of_every_node_is_an_edge_named_by_the_outcome_that_takes_it()
    {
        Assert.Contains(new JourneyEdge("wait-order", "purchased", "next", null), Edges);
        Assert.Contains(new JourneyEdge("wait-order", "holdout", "timeoutNext", "timeout"), Edges);
        Assert.Contains(new JourneyEdge("holdout", "control-group", "controlNext", "control"), Edges);
        Assert.Contains(new JourneyEdge("has-app", "telegram-reminder", "ifFalse", "false"), Edges);
        Assert.DoesNotContain(Edges, e => e.From == "done");
    }

    [Fact]
    public void The_default_exit_counts_every_outcome_no_other_edge_names_except_the_goal()
    {
        var waitOrder = new Dictionary<string, long> { ["event"] = 7, ["timeout"] = 90, ["goal"] = 3 };
        var holdout = new Dictionary<string, long> { ["treatment"] = 81, ["control"] = 9 };

        Assert.Equal(7, JourneyGraph.Count(Edges.Single(e => e is { From: "wait-order", Property: "next" }), waitOrder, Edges));
        Assert.Equal(90, JourneyGraph.Count(Edges.Single(e => e is { From: "wait-order", Property: "timeoutNext" }), waitOrder, Edges));
        Assert.Equal(81, JourneyGraph.Count(Edges.Single(e => e is { From: "holdout", Property: "next" }), holdout, Edges));
        Assert.Equal(9, JourneyGraph.Count(Edges.Single(e => e is { From: "holdout", Property: "controlNext" }), holdout, Edges));
    }

    [Fact]
    public void Split_branches_are_counted_by_branch_name()
    {
        var lapsed = SampleJourneys.Load("airline-lapsed-flyer-promo");
        var edges = JourneyGraph.Edges(lapsed);
        var split = lapsed.Nodes.OfType<SplitNode>().Single();

        var branchEdges = edges.Where(e => e.From == split.Id).ToList();

        Assert.Equal(split.Branches.Select(b => b.Name), branchEdges.Select(e => e.Outcome));
        Assert.Equal(split.Branches.Select(b => b.Next), branchEdges.Select(e => e.To));
    }
}
