namespace Journeys.Engine.Journeys;

/// <summary>The arrows of a definition as dashboards draw and count them.</summary>
public static class JourneyGraph
{
    /// <summary>Leaving a node because the goal was reached follows no arrow.</summary>
    public const string GoalOutcome = "goal";

    public static IReadOnlyList<JourneyEdge> Edges(JourneyDefinition definition) =>
    [
        .. definition.Nodes.SelectMany(node => node.Exits()
            .Where(exit => exit.Target is not null)
            .Select(exit => new JourneyEdge(node.Id, exit.Target!, exit.Property, Outcome(node, exit.Property)))),
    ];

    /// <summary>How many passes took <paramref name="edge"/>, given its node's passes by outcome and the graph's <paramref name="edges"/>.</summary>
    public static long Count(JourneyEdge edge, IReadOnlyDictionary<string, long> exitsByOutcome, IReadOnlyList<JourneyEdge> edges) =>
        edge.Outcome is { } outcome
            ? exitsByOutcome.GetValueOrDefault(outcome)
            : exitsByOutcome
                .Where(e => e.Key != GoalOutcome && !edges.Any(s => s.From == edge.From && s.Outcome == e.Key))
                .Sum(e => e.Value);

    private static string? Outcome(JourneyNode node, string property) => (node, property) switch
    {
        (_, "timeoutNext") => "timeout",
        (_, "controlNext") => "control",
        (_, "ifTrue") => "true",
        (_, "ifFalse") => "false",
        (_, "missingNext") => "missing",
        (SplitNode split, _) when property.StartsWith("branches[", StringComparison.Ordinal) =>
            split.Branches[int.Parse(property["branches[".Length..property.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)].Name,
        _ => null,
    };
}
